namespace Platform.Grains.Dms;

/// <summary>An entry of the contract's channel list.</summary>
public sealed record DmChannelView(Guid Id, DmMember OtherUser, DateTimeOffset? LastMessageAt);
