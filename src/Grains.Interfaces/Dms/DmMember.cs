namespace Platform.Grains.Dms;

public sealed record DmMember(Guid UserId, string Username);
