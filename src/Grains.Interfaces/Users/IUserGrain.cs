using System.Collections.Immutable;
using Platform.Actors;
using Platform.Grains.Events;
using Platform.Grains.Games;

namespace Platform.Grains.Users;

/// <summary>
/// A person: a member with an account, or a café's guest for a day. Keyed by the user id. It owns the
/// credentials, the sessions (refresh-token families) and the profile; its event stream is the user's own inbox.
/// </summary>
public interface IUserGrain : IGrainWithGuidKey, IGrainEventSource
{
    /// <summary>Creates the member; fails with <c>conflict</c> when the email or username is taken, or the id is in use.</summary>
    Task<UserView> Register(NewMember member);

    /// <summary>Creates the guest, or returns it when it exists already for the same café (a retried join).</summary>
    Task<UserView> CreateGuest(NewGuest guest);

    /// <summary>Checks a member's password; fails with <c>unauthorized</c>, or <c>locked</c> after repeated failures.</summary>
    Task<UserView> SignIn(string password);

    /// <summary>Opens a session: a family of refresh tokens that rotate, of which only the newest works.</summary>
    Task<SessionGrant> StartSession();

    /// <summary>
    /// Exchanges the refresh token of <paramref name="generation"/> for the next one. Presenting an older
    /// generation means a token was stolen or replayed: the whole session is revoked.
    /// </summary>
    Task<SessionGrant> RotateSession(Guid sessionId, int generation);

    Task EndSession(Guid sessionId);

    [ReadOnly]
    Task<bool> IsSessionActive(Guid sessionId);

    [ReadOnly]
    Task<UserView> Get();

    Task<UserView> SetInterests(IReadOnlyList<string> interests);

    Task<UserView> SetPokeEnabled(bool enabled);

    [ReadOnly]
    Task<UserStats> GetStats();

    /// <summary>Adds a finished game to the player's stats and rating (once per game, however often it is told).</summary>
    Task RecordGame(GameOutcome outcome);

    /// <summary>Counts one poke against the daily limit, or refuses with <c>rate_limited</c>.</summary>
    Task TakePokeAllowance();

    /// <summary>Sends an event to the user's own stream (every connection of the user, on every API node).</summary>
    Task Notify(string eventName, RawJson payload);

    /// <summary>Replaces the badges shown on the user; the badge grain owns them and calls this when they change.</summary>
    Task SetBadges(ImmutableArray<BadgeView> badges);
}
