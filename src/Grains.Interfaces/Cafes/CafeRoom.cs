using System.Collections.Immutable;

namespace Platform.Grains.Cafes;

/// <summary>What <c>JoinCafe</c> answers: the café, who is online, and the last messages, oldest first.</summary>
public sealed record CafeRoom(CafeView Cafe, ImmutableArray<OnlineUser> Online, ImmutableArray<ChatMessage> Recent);
