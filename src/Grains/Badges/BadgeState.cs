using Platform.Grains.Users;

namespace Platform.Grains.Badges;

/// <summary>What the badge grain stores: the paid tips the window still reaches, and the badges held.</summary>
public sealed class BadgeState
{
    /// <summary>Also the record of which orders were counted: a repeated report of one of them is not counted again.</summary>
    public List<TipEntry> Tips { get; set; } = [];

    public List<BadgeView> Badges { get; set; } = [];

    /// <summary>The café tipped most recently, which the status shows when no café is asked for.</summary>
    public Guid? LastCafeId { get; set; }
}
