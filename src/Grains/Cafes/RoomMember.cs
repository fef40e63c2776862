namespace Platform.Grains.Cafes;

/// <summary>A user in a café's room, with each hub connection it is there on.</summary>
internal sealed class RoomMember(string username)
{
    public string Username { get; } = username;

    public HashSet<string> Connections { get; } = [];
}
