using System.Reflection;
using Platform.Actors.Persistence;

namespace Platform.Actors.Runtime;

/// <summary>What the runtime knows of one grain class: its type name, scheduling, and how to construct it.</summary>
internal sealed class GrainClassInfo
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainClassInfo).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ReadStateMethod =
        typeof(GrainClassInfo).GetMethod(nameof(ReadState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConstructorInfo _constructor;
    private readonly Func<IServiceProvider, GrainId, object?>[] _argumentFactories;
    private readonly Func<object, CancellationToken, Task>?[] _stateReaders;

    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Age;
        Interfaces = classType.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i)).ToArray();
        _constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType} has no public constructor.");
        var parameters = _constructor.GetParameters();
        _argumentFactories = parameters.Select(ArgumentFactory).ToArray();
        _stateReaders = parameters.Select(StateReader).ToArray();
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public TimeSpan? CollectionAge { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    /// <summary>Constructs the grain, and adds to <paramref name="stateReads"/> a read of each persistent state it was given, to run before activation.</summary>
    public object Construct(IServiceProvider services, GrainId grainId, List<Func<CancellationToken, Task>> stateReads)
    {
        var arguments = new object?[_argumentFactories.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i] = _argumentFactories[i](services, grainId);
            if (_stateReaders[i] is { } read) stateReads.Add(cancellationToken => read(argument!, cancellationToken));
        }

        try
        {
            return _constructor.Invoke(arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    private static string DefaultTypeName(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length) name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }

    private static Func<object, CancellationToken, Task>? StateReader(ParameterInfo parameter) =>
        parameter.IsDefined(typeof(PersistentStateAttribute))
            ? ReadStateMethod.MakeGenericMethod(parameter.ParameterType.GetGenericArguments()[0])
                .CreateDelegate<Func<object, CancellationToken, Task>>()
            : null;

    private static Func<IServiceProvider, GrainId, object?> ArgumentFactory(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"[PersistentState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType} must be an IPersistentState<T>.");
            }

            var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<IServiceProvider, GrainId, string, object>>();
            return (services, grainId) => create(services, grainId, state.StateName);
        }

        var parameterType = parameter.ParameterType;
        if (parameter.HasDefaultValue)
        {
            return (services, _) => services.GetService(parameterType) ?? parameter.DefaultValue;
        }

        return (services, _) => services.GetService(parameterType) ?? throw new InvalidOperationException(
            $"Cannot construct {parameter.Member.DeclaringType}: no service of type {parameterType} is registered for parameter '{parameter.Name}'.");
    }

    private static object CreateState<TState>(IServiceProvider services, GrainId grainId, string stateName)
    {
        var factory = (IPersistentStateFactory?)services.GetService(typeof(IPersistentStateFactory))
            ?? throw new InvalidOperationException("Grain state needs persistence: register it with AddPostgresPersistence.");
        return factory.Create<TState>(grainId, stateName);
    }

    private static Task ReadState<TState>(object state, CancellationToken cancellationToken) =>
        ((IPersistentState<TState>)state).ReadStateAsync(cancellationToken);
}
