using System.Text.Json;

namespace Platform.Api.Tests.Hub;

/// <summary>Reading <c>presence</c> events and <c>JoinCafe</c>'s <c>online</c>.</summary>
public static class Presence
{
    /// <summary>The user ids of a <c>presence</c> event (or of any object with an <c>online</c> list).</summary>
    public static Guid[] Online(JsonElement presence) =>
        [.. presence.GetProperty("online").EnumerateArray().Select(user => user.GetProperty("userId").GetGuid())];

    /// <summary>Matches a presence event of <paramref name="cafe"/> whose online users are exactly <paramref name="users"/>.</summary>
    public static Func<JsonElement, bool> Exactly(TestCafe cafe, params TestUser[] users) => presence =>
        presence.GetProperty("cafeId").GetGuid() == cafe.Id
        && Online(presence).Order().SequenceEqual(users.Select(user => user.Id).Order());
}
