namespace Platform.Actors.Invocation;

/// <summary>
/// One method of a grain or observer interface, as generated code describes it: what the scheduler and
/// the transport need to know without reflection.
/// </summary>
public sealed class MethodDescriptor
{
    public MethodDescriptor(
        Type interfaceType,
        string name,
        MethodFlags flags,
        Type[] parameterTypes,
        Type resultType,
        Func<GrainRequest> createRequest,
        TimeSpan? responseTimeout = null)
    {
        InterfaceType = interfaceType;
        Name = name;
        Flags = flags;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
        CreateRequest = createRequest;
        ResponseTimeout = responseTimeout;
        Signature = $"{interfaceType.FullName}.{name}({string.Join(",", parameterTypes.Select(t => t.FullName))})";
        Id = StableHash(Signature);
    }

    public Type InterfaceType { get; }

    public string Name { get; }

    public MethodFlags Flags { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>The awaited result type; <c>typeof(object)</c> for methods that return no value.</summary>
    public Type ResultType { get; }

    /// <summary>Makes an empty request for this method, to be filled from a message that crossed a process boundary.</summary>
    public Func<GrainRequest> CreateRequest { get; }

    public TimeSpan? ResponseTimeout { get; }

    /// <summary>The full signature; the same in every process that runs the same interface.</summary>
    public string Signature { get; }

    /// <summary>A stable hash of <see cref="Signature"/>, which identifies the method on the wire.</summary>
    public uint Id { get; }

    public bool IsReadOnly => (Flags & MethodFlags.ReadOnly) != 0;

    public bool IsAlwaysInterleave => (Flags & MethodFlags.AlwaysInterleave) != 0;

    public bool IsOneWay => (Flags & MethodFlags.OneWay) != 0;

    public override string ToString() => $"{InterfaceType.Name}.{Name}";

    // FNV-1a: string.GetHashCode is randomised per process, and the id must agree across processes.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
