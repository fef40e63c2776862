namespace Platform.Grains.Dms;

public sealed class DmChannelState
{
    public DmMember? First { get; set; }

    public DmMember? Second { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
