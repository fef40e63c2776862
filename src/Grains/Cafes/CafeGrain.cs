using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Users;

namespace Platform.Grains.Cafes;

public sealed class CafeGrain(
    [PersistentState(CafeGrain.StateName)] IPersistentState<CafeState> cafe,
    CafeMessages messages,
    IOptions<CafeOptions> cafeOptions,
    IOptions<GrainEventOptions> eventOptions,
    TimeProvider time) : Grain, ICafeGrain
{
    public const string StateName = "cafe";

    private readonly CafeOptions _options = cafeOptions.Value;
    private readonly Dictionary<Guid, RoomMember> _room = [];
    private readonly Queue<ChatMessage> _recent = new();
    private GrainEventPublisher _events = null!;
    private IGrainTimer? _presenceTimer;
    private DateTimeOffset _presencePublishedAt;

    private Guid CafeId => this.GetPrimaryKey();

    private CafeState State => cafe.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new GrainEventPublisher(EventStreams.Cafe(CafeId), eventOptions.Value.SubscriptionLifetime, time);
        if (!cafe.RecordExists) return;
        foreach (var message in await messages.RecentAsync(CafeId, _options.RecentMessages, cancellationToken)) _recent.Enqueue(message);
    }

    public async Task<CafeView> Create(NewCafe details)
    {
        if (cafe.RecordExists) throw PlatformException.Conflict("This café exists already.");
        State.OwnerId = details.OwnerId;
        State.Name = details.Name;
        State.Address = details.Address;
        State.WifiSsid = details.WifiSsid;
        State.Latitude = details.Latitude;
        State.Longitude = details.Longitude;
        State.RadiusMeters = details.RadiusMeters;
        State.CreatedAt = time.GetUtcNow();
        await cafe.WriteStateAsync();
        return View();
    }

    public Task<CafeView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<JoinTokenGrant> IssueJoinToken(Guid ownerId, string receiptId)
    {
        EnsureExists();
        if (ownerId != State.OwnerId) throw PlatformException.Forbidden("Only the café's owner lets guests in.");

        var now = time.GetUtcNow();
        ForgetExpired(now);
        var username = GuestNameGenerator.Next(State.GuestNames.ContainsKey)
            ?? throw new PlatformException(ErrorCodes.Unavailable, "No guest name is free right now; try again.");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var expiresAt = now + _options.JoinTokenLifetime;
        State.PendingGuests[Hash(token)] = new PendingGuest(Guid.NewGuid(), username, receiptId, expiresAt);
        State.GuestNames[username.ToLowerInvariant()] = expiresAt;
        await cafe.WriteStateAsync();
        return new JoinTokenGrant(username, token, expiresAt);
    }

    public async Task<Guid> Admit(GuestJoin join)
    {
        EnsureExists();
        var tokenHash = Hash(join.JoinToken);
        if (!State.PendingGuests.TryGetValue(tokenHash, out var pending)
            || !string.Equals(pending.Username, join.Username, StringComparison.OrdinalIgnoreCase))
        {
            throw PlatformException.Unauthorized("This join token is not valid for that guest name.");
        }

        if (pending.ExpiresAt <= time.GetUtcNow()) throw new PlatformException(ErrorCodes.Expired, "This join token has expired; ask for a new one.");
        if (!IsInside(join))
        {
            throw PlatformException.Forbidden($"Join from inside the café: on its Wi-Fi, or within {State.RadiusMeters:0} m of it.");
        }

        var guest = await GrainFactory.GetGrain<IUserGrain>(pending.GuestId).CreateGuest(new NewGuest(pending.Username, CafeId));
        State.PendingGuests.Remove(tokenHash);
        State.GuestNames[pending.Username.ToLowerInvariant()] = guest.ExpiresAt ?? time.GetUtcNow();
        await cafe.WriteStateAsync();
        return pending.GuestId;
    }

    public Task<CafeRoom> Enter(CafeVisitor visitor)
    {
        EnsureExists();
        if (!_room.TryGetValue(visitor.UserId, out var member))
        {
            member = new RoomMember(visitor.Username);
            _room.Add(visitor.UserId, member);
        }

        var arrived = member.Connections.Count == 0;
        member.Connections.Add(visitor.ConnectionId);
        if (arrived) OnPresenceChanged();
        return Task.FromResult(new CafeRoom(View(), [.. Online()], [.. _recent]));
    }

    public Task Leave(Guid userId, string connectionId)
    {
        if (_room.TryGetValue(userId, out var member) && member.Connections.Remove(connectionId) && member.Connections.Count == 0)
        {
            _room.Remove(userId);
            OnPresenceChanged();
        }

        return Task.CompletedTask;
    }

    public Task Evict(Guid userId)
    {
        if (_room.Remove(userId)) OnPresenceChanged();
        return Task.CompletedTask;
    }

    public async Task<ChatMessage> SendMessage(Guid userId, string content)
    {
        EnsureExists();
        if (!_room.TryGetValue(userId, out var member)) throw PlatformException.Forbidden("Join the café before writing in it.");
        content = content.Trim();
        if (content.Length == 0 || content.Length > _options.MaxMessageLength)
        {
            throw PlatformException.Validation($"A message is 1 to {_options.MaxMessageLength} characters.");
        }

        var now = time.GetUtcNow();
        var message = new ChatMessage(Guid.CreateVersion7(now), CafeId, userId, member.Username, content, now);

        // Stored before anyone sees it: a message that was shown is never lost.
        await messages.AppendAsync(message);
        _recent.Enqueue(message);
        while (_recent.Count > _options.RecentMessages) _recent.Dequeue();
        _events.Publish(EventNames.ChatMessage, message);
        return message;
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

    private bool IsInside(GuestJoin join)
    {
        if (!string.IsNullOrEmpty(join.WifiSsid) && string.Equals(join.WifiSsid.Trim(), State.WifiSsid, StringComparison.Ordinal)) return true;
        return join is { Latitude: { } latitude, Longitude: { } longitude }
            && GeoDistance.Meters(latitude, longitude, State.Latitude, State.Longitude) <= State.RadiusMeters;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (hash, pending) in State.PendingGuests.ToArray())
        {
            if (pending.ExpiresAt <= now) State.PendingGuests.Remove(hash);
        }

        foreach (var (name, until) in State.GuestNames.ToArray())
        {
            if (until <= now) State.GuestNames.Remove(name);
        }
    }

    // The first change after a quiet spell goes out at once; changes that follow within the interval are
    // gathered into one push at its end.
    private void OnPresenceChanged()
    {
        if (_presenceTimer is not null) return;
        var wait = _presencePublishedAt + _options.PresenceInterval - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            PublishPresence();
            return;
        }

        _presenceTimer = RegisterGrainTimer(
            _ =>
            {
                _presenceTimer?.Dispose();
                _presenceTimer = null;
                PublishPresence();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
    }

    private void PublishPresence()
    {
        _presencePublishedAt = time.GetUtcNow();
        _events.Publish(EventNames.Presence, new PresenceChanged(CafeId, [.. Online()]));
    }

    private IEnumerable<OnlineUser> Online() => _room.Select(entry => new OnlineUser(entry.Key, entry.Value.Username));

    private void EnsureExists()
    {
        if (cafe.RecordExists) return;
        DeactivateOnIdle();
        throw PlatformException.NotFound("There is no such café.");
    }

    private CafeView View() => new(CafeId, State.Name, State.Address, State.OwnerId, _room.Count);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
