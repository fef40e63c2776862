namespace Platform.Grains.Events;

/// <summary>
/// An event a grain publishes to the clients that follow one of its streams: <paramref name="Name"/> is the hub
/// event clients receive (<c>chatMessage</c>, <c>presence</c>, ...), <paramref name="Payload"/> its argument,
/// serialized once by the grain so that every API node relays the same bytes to its clients.
/// </summary>
public sealed record GrainEvent(string Stream, string Name, RawJson Payload);
