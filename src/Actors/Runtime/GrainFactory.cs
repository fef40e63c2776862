using Platform.Actors.Invocation;
using Platform.Actors.Observers;

namespace Platform.Actors.Runtime;

internal sealed class GrainFactory(GrainTypeManifest manifest, GrainReferenceRuntime runtime, ObserverRegistry observers) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        return Create<TGrainInterface>(primaryKey, grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeyExtensions.FormatKey(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeyExtensions.FormatKey(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId.Type, nameof(grainId));
        ArgumentException.ThrowIfNullOrEmpty(grainId.Key, nameof(grainId));
        return (TGrainInterface)(object)Describe(typeof(TGrainInterface)).CreateProxy(grainId, runtime);
    }

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is GrainReference)
        {
            throw new ArgumentException("That is already a reference; pass the observer object itself.", nameof(observer));
        }

        if (observer is not TGrainObserverInterface)
        {
            throw new ArgumentException($"{observer.GetType()} does not implement {typeof(TGrainObserverInterface)}.", nameof(observer));
        }

        var descriptor = Describe(typeof(TGrainObserverInterface));
        return (TGrainObserverInterface)(object)descriptor.CreateProxy(observers.Register(observer), runtime);
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver => observers.Unregister(observer);

    private TGrainInterface Create<TGrainInterface>(string key, string? grainClassNamePrefix)
    {
        var descriptor = Describe(typeof(TGrainInterface));
        var grainType = manifest.ResolveGrainType(typeof(TGrainInterface), grainClassNamePrefix);
        return (TGrainInterface)(object)descriptor.CreateProxy(new GrainId(grainType, key), runtime);
    }

    private static GrainInterfaceDescriptor Describe(Type grainInterface) =>
        GrainInterfaceRegistry.TryGet(grainInterface, out var descriptor)
            ? descriptor
            : throw new ArgumentException(
                $"{grainInterface} is not a grain interface with a generated proxy: it must extend IGrainWithStringKey, " +
                "IGrainWithGuidKey, IGrainWithIntegerKey or IGrainObserver, in a project that uses the code generator.",
                nameof(grainInterface));
}
