namespace Platform.Grains.Cafes;

/// <summary>A user in a café's room, with each hub connection it is there on and when its node last said it still is.</summary>
internal sealed class RoomMember(string username)
{
    public string Username { get; } = username;

    public Dictionary<string, DateTimeOffset> Connections { get; } = [];
}
