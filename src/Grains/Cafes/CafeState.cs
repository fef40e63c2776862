namespace Platform.Grains.Cafes;

/// <summary>What the café grain stores: its details, and the guests it is letting in.</summary>
public sealed class CafeState
{
    public Guid OwnerId { get; set; }

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string WifiSsid { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public double RadiusMeters { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Unspent join tokens, by the SHA-256 of the token (the token itself is never stored).</summary>
    public Dictionary<string, PendingGuest> PendingGuests { get; set; } = [];

    /// <summary>Guest names in use, lower-cased, until when: a name is unique within the café while it is.</summary>
    public Dictionary<string, DateTimeOffset> GuestNames { get; set; } = [];

    /// <summary>Muted users, until when.</summary>
    public Dictionary<Guid, DateTimeOffset> Mutes { get; set; } = [];
}
