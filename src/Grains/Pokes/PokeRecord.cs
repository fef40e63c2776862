namespace Platform.Grains.Pokes;

/// <summary>One poke, as the pair's grain keeps it.</summary>
public sealed class PokeRecord
{
    public Guid Id { get; set; }

    public Guid From { get; set; }

    public Guid To { get; set; }

    public string SharedInterest { get; set; } = "";

    public PokeStatus Status { get; set; }

    public Guid? ChannelId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
