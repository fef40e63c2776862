namespace Platform.Actors.Persistence;

/// <summary>A stored state: its JSON (null once cleared) and its etag.</summary>
public sealed record GrainStateRecord(byte[]? Payload, string Etag);
