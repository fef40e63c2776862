namespace Platform.Actors.Membership;

/// <summary>Where a silo listens, and which start of it this is: a restarted silo has a new generation.</summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    public bool IsSameEndpoint(SiloAddress other) => Host == other.Host && Port == other.Port;

    public override string ToString() => $"{Host}:{Port}@{Generation}";
}
