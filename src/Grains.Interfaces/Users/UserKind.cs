namespace Platform.Grains.Users;

public enum UserKind
{
    Member,
    Guest,
}
