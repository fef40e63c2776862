namespace Platform.Grains.Users;

public enum NameClaim
{
    Claimed,
    EmailTaken,
    UsernameTaken,
}
