namespace Platform.Grains.Dms;

/// <summary>A direct message; also the <c>dmMessage</c> event, to both members.</summary>
public sealed record DmMessage(Guid Id, Guid ChannelId, Guid UserId, string Username, string Content, DateTimeOffset CreatedAt);
