namespace Platform.Grains.Cafes;

/// <summary>The <c>messageDeleted</c> event.</summary>
public sealed record MessageDeleted(Guid CafeId, Guid MessageId);
