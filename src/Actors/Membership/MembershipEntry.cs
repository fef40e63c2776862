namespace Platform.Actors.Membership;

/// <summary>One silo's row in the membership table; <see cref="Etag"/> is the row's version.</summary>
public sealed record MembershipEntry(SiloAddress Silo, SiloStatus Status, DateTimeOffset StartTime, DateTimeOffset IAmAliveTime, string? Etag = null);
