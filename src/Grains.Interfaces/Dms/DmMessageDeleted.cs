namespace Platform.Grains.Dms;

/// <summary>The <c>dmMessageDeleted</c> event, to both members: an addition to the contract, as <c>messageDeleted</c> is for cafés.</summary>
public sealed record DmMessageDeleted(Guid ChannelId, Guid MessageId);
