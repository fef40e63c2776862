using Platform.Actors.Runtime;

namespace Platform.Actors.Invocation;

/// <summary>
/// The base of every generated proxy. A reference is a value: its grain id and interface. Making one
/// does no I/O; the runtime activates the grain, wherever it should live, on the first call.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    protected GrainReference(GrainId grainId, GrainReferenceRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
    }

    public GrainId GrainId { get; }

    /// <summary>The grain or observer interface this proxy implements.</summary>
    public abstract Type InterfaceType { get; }

    internal GrainReferenceRuntime Runtime { get; }

    public bool Equals(GrainReference? other) => other is not null && other.GrainId == GrainId;

    public override bool Equals(object? obj) => Equals(obj as GrainReference);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";

    protected Task<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request) => Runtime.InvokeAsync(this, request);

    protected void InvokeOneWay(GrainRequest request) => Runtime.SendOneWay(this, request);
}
