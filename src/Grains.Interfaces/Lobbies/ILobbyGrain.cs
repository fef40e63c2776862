using System.Collections.Immutable;
using Platform.Actors;
using Platform.Grains.Events;

namespace Platform.Grains.Lobbies;

/// <summary>
/// A quiz lobby, keyed by its code: settings, players and their ready states, the host. Every change is a
/// <c>lobbyUpdated</c> event on the lobby's stream.
/// </summary>
public interface ILobbyGrain : IGrainWithStringKey, IGrainEventSource
{
    /// <summary>Opens the lobby with its creator as host; <c>conflict</c> when the code is in use.</summary>
    Task<LobbyView> Create(NewLobby lobby);

    [ReadOnly]
    Task<LobbyView> Get();

    /// <summary>Adds the player (or another connection of a player already in); full and started lobbies refuse.</summary>
    Task<LobbyView> Join(LobbyPlayerConnection player);

    /// <summary>The player leaves for good; the host's role passes to the next player, and an empty lobby closes.</summary>
    Task Leave(Guid userId);

    /// <summary>One connection of a player went away; the player stays in the lobby.</summary>
    Task Disconnected(Guid userId, string connectionId);

    /// <summary>
    /// An API node's word, once a renewal period, that these players' connections are still open. A lobby that
    /// restarted learns who is connected again; connections no node renews within the event subscription's lifetime
    /// count as closed (their node died).
    /// </summary>
    Task Renew(ImmutableArray<LobbyPlayerConnection> connections);

    Task<LobbyView> SetReady(Guid userId, bool ready);

    /// <summary>The host starts a game once every player is ready; returns the game's id.</summary>
    Task<Guid> StartGame(Guid userId);

    /// <summary>Sends one of the game's events to the lobby's followers; the game grain raises them through here.</summary>
    Task Publish(string eventName, RawJson payload);

    /// <summary>The game is over: the lobby waits for the next one.</summary>
    Task GameFinished(Guid gameId);
}
