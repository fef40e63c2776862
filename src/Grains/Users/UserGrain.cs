using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Actors.Reminders;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Games;

namespace Platform.Grains.Users;

public sealed class UserGrain(
    [PersistentState(UserGrain.StateName)] IPersistentState<UserState> user,
    AccountNames accountNames,
    GameRecords gameRecords,
    IPasswordHasher<UserState> passwordHasher,
    IOptions<AccountOptions> accountOptions,
    IOptions<GrainEventOptions> eventOptions,
    TimeProvider time) : Grain, IUserGrain, IRemindable
{
    public const string StateName = "user";
    private const string GuestExpiryReminder = "guest-expiry";

    private readonly AccountOptions _options = accountOptions.Value;
    private GrainEventPublisher _events = null!;

    private Guid UserId => this.GetPrimaryKey();

    private UserState State => user.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new GrainEventPublisher(EventStreams.User(UserId), eventOptions.Value.SubscriptionLifetime, time);
        return Task.CompletedTask;
    }

    public async Task<UserView> Register(NewMember member)
    {
        if (user.RecordExists) throw PlatformException.Conflict("This account exists already.");

        State.Kind = UserKind.Member;
        State.Username = member.Username;
        State.Email = member.Email;
        State.PasswordHash = passwordHasher.HashPassword(State, member.Password);
        State.CreatedAt = time.GetUtcNow();

        // The state is written before the names are claimed: a crash in between leaves an account nobody can
        // find or sign in to, never a claimed name without its account.
        await user.WriteStateAsync();
        var claim = await accountNames.ClaimAsync(UserId, member.Email, member.Username);
        if (claim == NameClaim.Claimed) return View();

        await user.ClearStateAsync();
        user.State = new UserState();
        DeactivateOnIdle();
        throw PlatformException.Conflict(claim == NameClaim.EmailTaken ? "That email is registered already." : "That username is taken.");
    }

    public async Task<UserView> CreateGuest(NewGuest guest)
    {
        if (user.RecordExists)
        {
            if (State.Kind == UserKind.Guest && State.CafeId == guest.CafeId && State.Username == guest.Username) return View();
            throw PlatformException.Conflict("This account exists already.");
        }

        var now = time.GetUtcNow();
        State.Kind = UserKind.Guest;
        State.Username = guest.Username;
        State.CafeId = guest.CafeId;
        State.CreatedAt = now;
        State.ExpiresAt = now + _options.GuestLifetime;
        await user.WriteStateAsync();
        await RegisterOrUpdateReminder(GuestExpiryReminder, _options.GuestLifetime, TimeSpan.FromHours(1));
        return View();
    }

    public async Task<UserView> SignIn(string password)
    {
        if (!user.RecordExists || State.Kind != UserKind.Member || State.PasswordHash is null)
        {
            throw PlatformException.Unauthorized("Wrong login or password.");
        }

        var now = time.GetUtcNow();
        if (State.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            throw new PlatformException(ErrorCodes.Locked, "Too many failed sign-ins; the account is locked for a while.", lockedUntil - now);
        }

        var verdict = passwordHasher.VerifyHashedPassword(State, State.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            State.FailedSignIns++;
            if (State.FailedSignIns >= _options.LockoutThreshold)
            {
                State.FailedSignIns = 0;
                State.LockedUntil = now + _options.LockoutDuration;
            }

            await user.WriteStateAsync();
            throw PlatformException.Unauthorized("Wrong login or password.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) State.PasswordHash = passwordHasher.HashPassword(State, password);
        State.FailedSignIns = 0;
        State.LockedUntil = null;
        await user.WriteStateAsync();
        return View();
    }

    public async Task<SessionGrant> StartSession()
    {
        EnsureActive();
        var now = time.GetUtcNow();
        State.Sessions.RemoveAll(session => session.ExpiresAt <= now);
        if (State.Sessions.Count >= _options.MaxSessionsPerUser) State.Sessions.RemoveAt(0);

        var expiresAt = now + _options.SessionLifetime;
        if (State.ExpiresAt < expiresAt) expiresAt = State.ExpiresAt.Value;
        var session = new SessionState { Id = Guid.NewGuid(), Generation = 0, ExpiresAt = expiresAt };
        State.Sessions.Add(session);
        await user.WriteStateAsync();
        return Grant(session);
    }

    public async Task<SessionGrant> RotateSession(Guid sessionId, int generation)
    {
        EnsureActive();
        var session = State.Sessions.Find(s => s.Id == sessionId);
        if (session is null || session.ExpiresAt <= time.GetUtcNow())
        {
            throw PlatformException.Unauthorized("The session has ended; sign in again.");
        }

        if (generation != session.Generation)
        {
            // Only the newest token of a session is ever handed out, so an older one coming back was copied:
            // end the session for whoever holds either.
            State.Sessions.Remove(session);
            await user.WriteStateAsync();
            throw PlatformException.Unauthorized("This refresh token was used already; the session is revoked.");
        }

        session.Generation++;
        await user.WriteStateAsync();
        return Grant(session);
    }

    public async Task EndSession(Guid sessionId)
    {
        if (State.Sessions.RemoveAll(s => s.Id == sessionId) > 0) await user.WriteStateAsync();
    }

    public Task<bool> IsSessionActive(Guid sessionId)
    {
        var now = time.GetUtcNow();
        var active = user.RecordExists && !IsExpired(now) && State.Sessions.Exists(s => s.Id == sessionId && s.ExpiresAt > now);
        return Task.FromResult(active);
    }

    public Task<UserView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<UserView> SetInterests(IReadOnlyList<string> interests)
    {
        EnsureActive();
        State.Interests = [.. interests];
        await user.WriteStateAsync();
        return View();
    }

    public async Task<UserView> SetPokeEnabled(bool enabled)
    {
        EnsureActive();
        State.PokeEnabled = enabled;
        await user.WriteStateAsync();
        return View();
    }

    public Task<UserStats> GetStats()
    {
        EnsureExists();
        return Task.FromResult(State.Stats);
    }

    public async Task RecordGame(GameOutcome outcome)
    {
        EnsureExists();
        if (State.RecordedGames.Contains(outcome.GameId)) return;
        var stats = State.Stats;
        State.Stats = new UserStats(stats.GamesPlayed + 1, stats.GamesWon + (outcome.Won ? 1 : 0), stats.TotalScore + outcome.Score, stats.Rating + outcome.RatingChange);
        State.RecordedGames.Add(outcome.GameId);
        if (State.RecordedGames.Count > 100) State.RecordedGames.RemoveAt(0);
        await user.WriteStateAsync();
        await gameRecords.SaveRatingAsync(UserId, State.Username, State.Stats, time.GetUtcNow());
    }

    public async Task TakePokeAllowance()
    {
        EnsureActive();
        var now = time.GetUtcNow();
        State.PokesSent.RemoveAll(sentAt => now - sentAt >= TimeSpan.FromDays(1));
        if (State.PokesSent.Count >= _options.PokesPerDay)
        {
            throw new PlatformException(ErrorCodes.RateLimited, $"At most {_options.PokesPerDay} pokes a day.", State.PokesSent.Min() + TimeSpan.FromDays(1) - now);
        }

        State.PokesSent.Add(now);
        await user.WriteStateAsync();
    }

    public Task Notify(string eventName, RawJson payload)
    {
        _events.Publish(eventName, payload);
        return Task.CompletedTask;
    }

    public async Task SetBadges(ImmutableArray<BadgeView> badges)
    {
        if (!user.RecordExists) return; // a ledger outliving its user must not bring an empty account back
        State.Badges = [.. badges];
        await user.WriteStateAsync();
    }

    public Task Subscribe(IGrainEventObserver observer)
    {
        _events.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IGrainEventObserver observer)
    {
        _events.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != GuestExpiryReminder) return;
        if (!user.RecordExists || State.ExpiresAt is not { } expiresAt || State.Expired)
        {
            await ForgetReminderAsync();
            return;
        }

        if (expiresAt > time.GetUtcNow()) return; // fired early: a restart re-read it before its time

        State.Expired = true;
        State.Sessions.Clear();
        await user.WriteStateAsync();
        if (State.CafeId is { } cafeId) await GrainFactory.GetGrain<ICafeGrain>(cafeId).Evict(UserId);
        _events.Publish(EventNames.AccountExpired, new AccountExpired(UserId, expiresAt));
        await ForgetReminderAsync();
    }

    private async Task ForgetReminderAsync()
    {
        if (await GetReminder(GuestExpiryReminder) is { } reminder) await UnregisterReminder(reminder);
    }

    private bool IsExpired(DateTimeOffset now) => State.Expired || State.ExpiresAt <= now;

    private void EnsureExists()
    {
        if (!user.RecordExists) throw PlatformException.NotFound("There is no such user.");
    }

    private void EnsureActive()
    {
        EnsureExists();
        if (IsExpired(time.GetUtcNow())) throw new PlatformException(ErrorCodes.Expired, "This guest account has expired.");
    }

    private SessionGrant Grant(SessionState session) => new(UserId, session.Id, session.Generation, session.ExpiresAt, View());

    private UserView View() => new(
        UserId,
        State.Username,
        State.Kind,
        State.CafeId,
        [.. State.Interests],
        State.PokeEnabled,
        [.. State.Badges],
        State.ExpiresAt);
}
