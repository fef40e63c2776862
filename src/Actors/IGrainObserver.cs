namespace Platform.Actors;

/// <summary>
/// Marks an interface whose implementation lives outside any grain (an API node, a test) and receives
/// calls from grains through a reference made by <see cref="IGrainFactory.CreateObjectReference{T}"/>.
/// Methods may return <c>void</c> (sent one way) or a task.
/// </summary>
public interface IGrainObserver : IAddressable;
