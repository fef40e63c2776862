using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Grains.Cafes.Chat;
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
    private readonly Dictionary<Guid, TokenBucket> _sendAllowances = [];
    private readonly Dictionary<Guid, DateTimeOffset> _typingPushedAt = [];
    private GrainEventPublisher _events = null!;
    private ThrottledPush _presence = null!;
    private ThrottledPush _topicsPush = null!;
    private SpamGuard _spam = null!;
    private TrendingTopics _topics = null!;
    private ImmutableArray<TopicCount> _pushedTopics = [];
    private MessageAppender _appender = null!;
    private Task _lastWrite = Task.CompletedTask;
    private IGrainTimer? _leaseTimer;

    private Guid CafeId => this.GetPrimaryKey();

    private CafeState State => cafe.State;

    // How long a connection stays in the room without its node renewing it: as long as the node's subscription.
    private TimeSpan PresenceLease => eventOptions.Value.SubscriptionLifetime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new GrainEventPublisher(EventStreams.Cafe(CafeId), eventOptions.Value.SubscriptionLifetime, time);
        _presence = new ThrottledPush(_options.PresenceInterval, time, Schedule, PublishPresence);
        _topicsPush = new ThrottledPush(_options.TopicsInterval, time, Schedule, PublishTopics);
        _spam = new SpamGuard(_options);
        _topics = new TrendingTopics(_options);
        _appender = new MessageAppender(batch => messages.AppendAsync(batch), _options.MessageInsertsInFlight);
        if (!cafe.RecordExists) return;
        foreach (var message in await messages.RecentAsync(CafeId, _options.RecentMessages, cancellationToken))
        {
            _recent.Enqueue(message);
            _topics.Add(message.Content, message.CreatedAt);
        }
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
        await SaveAsync();
        return View();
    }

    public Task<CafeView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<JoinTokenGrant> IssueJoinToken(Guid ownerId, string receiptId)
    {
        EnsureOwner(ownerId);
        var now = time.GetUtcNow();
        ForgetExpired(now);
        var username = GuestNameGenerator.Next(State.GuestNames.ContainsKey)
            ?? throw new PlatformException(ErrorCodes.Unavailable, "No guest name is free right now; try again.");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var expiresAt = now + _options.JoinTokenLifetime;
        State.PendingGuests[Hash(token)] = new PendingGuest(Guid.NewGuid(), username, receiptId, expiresAt);
        State.GuestNames[username.ToLowerInvariant()] = expiresAt;
        await SaveAsync();
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
        await SaveAsync();
        return pending.GuestId;
    }

    public Task<CafeRoom> Enter(CafeVisitor visitor)
    {
        EnsureExists();
        PutInRoom(visitor, time.GetUtcNow());
        return Task.FromResult(new CafeRoom(View(), [.. Online()], [.. _recent]));
    }

    public Task Renew(ImmutableArray<CafeVisitor> visitors)
    {
        if (!cafe.RecordExists) return Task.CompletedTask;
        var now = time.GetUtcNow();
        foreach (var visitor in visitors) PutInRoom(visitor, now);
        return Task.CompletedTask;
    }

    public Task Leave(Guid userId, string connectionId)
    {
        if (_room.TryGetValue(userId, out var member) && member.Connections.Remove(connectionId) && member.Connections.Count == 0)
        {
            _room.Remove(userId);
            RoomChanged();
        }

        return Task.CompletedTask;
    }

    public Task Evict(Guid userId)
    {
        if (_room.Remove(userId)) RoomChanged();
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

        if (content.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))) throw PlatformException.Validation("A message cannot hold control characters.");

        var now = time.GetUtcNow();
        EnsureNotMuted(userId, now);
        if (!AllowanceOf(userId, now).TryTake(now, out var wait))
        {
            throw new PlatformException(ErrorCodes.RateLimited, "Too many messages.", wait);
        }

        var verdict = _spam.Check(userId, content, now);
        if (verdict.Refusal is { } refusal) await RefuseAsync(userId, refusal, now);

        var message = new ChatMessage(Guid.CreateVersion7(now), CafeId, userId, member.Username, content, now);
        _spam.Sent(userId, content, now);

        // Stored before anyone sees it: a message that was shown is never lost. Sends interleave here, so the
        // messages of a busy café are committed together; each publishes, in order, once it and those before it are stored.
        await _appender.AppendAsync(message);
        _recent.Enqueue(message);
        while (_recent.Count > _options.RecentMessages) _recent.Dequeue();
        _events.Publish(EventNames.ChatMessage, message);
        _topics.Add(content, now);
        _topicsPush.Changed();
        return verdict.Warning is null ? message : message with { Warning = verdict.Warning };
    }

    public Task StartTyping(Guid userId)
    {
        EnsureExists();
        if (!_room.TryGetValue(userId, out var member)) throw PlatformException.Forbidden("Join the café first.");
        var now = time.GetUtcNow();
        if (_typingPushedAt.TryGetValue(userId, out var pushedAt) && now - pushedAt < _options.TypingInterval) return Task.CompletedTask;
        _typingPushedAt[userId] = now;
        _events.Publish(EventNames.Typing, new UserTyping(CafeId, userId, member.Username));
        return Task.CompletedTask;
    }

    public async Task DeleteMessage(Guid messageId, Guid requesterId)
    {
        EnsureExists();
        var author = await messages.AuthorOfAsync(CafeId, messageId) ?? throw PlatformException.NotFound("There is no such message.");
        if (requesterId != author && requesterId != State.OwnerId) throw PlatformException.Forbidden("Only its author or the café's owner can delete a message.");

        await messages.MarkDeletedAsync(messageId, time.GetUtcNow());
        var kept = _recent.Where(message => message.Id != messageId).ToArray();
        _recent.Clear();
        foreach (var message in kept) _recent.Enqueue(message);
        _events.Publish(EventNames.MessageDeleted, new MessageDeleted(CafeId, messageId));
    }

    public Task<ImmutableArray<OnlineUser>> GetPresence()
    {
        EnsureExists();
        return Task.FromResult<ImmutableArray<OnlineUser>>([.. Online()]);
    }

    public Task<ImmutableArray<TopicCount>> GetTopics()
    {
        EnsureExists();
        return Task.FromResult(_topics.Top(time.GetUtcNow()));
    }

    public async Task Mute(Guid ownerId, Guid userId, TimeSpan duration)
    {
        EnsureOwner(ownerId);
        State.Mutes[userId] = time.GetUtcNow() + duration;
        await SaveAsync();
    }

    public async Task Unmute(Guid ownerId, Guid userId)
    {
        EnsureOwner(ownerId);
        if (State.Mutes.Remove(userId)) await SaveAsync();
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

    // Puts the connection in the room, or says it is still there. A café that restarted learns its room again this way.
    private void PutInRoom(CafeVisitor visitor, DateTimeOffset now)
    {
        if (!_room.TryGetValue(visitor.UserId, out var member))
        {
            member = new RoomMember(visitor.Username);
            _room.Add(visitor.UserId, member);
        }

        if (member.Connections.Count == 0) _presence.Changed();
        member.Connections[visitor.ConnectionId] = now;

        // Only while somebody is in the room: an empty café's timer would only stand in the way of its collection.
        _leaseTimer ??= RegisterGrainTimer(ForgetUnrenewedAsync, new GrainTimerCreationOptions(PresenceLease / 2, PresenceLease / 2));
    }

    private void RoomChanged()
    {
        _presence.Changed();
        if (_room.Count > 0) return;
        _leaseTimer?.Dispose();
        _leaseTimer = null;
    }

    // Connections whose node has not renewed them within a lease: the node is gone, and they with it.
    private Task ForgetUnrenewedAsync(CancellationToken cancellationToken)
    {
        var oldest = time.GetUtcNow() - PresenceLease;
        foreach (var (userId, member) in _room.ToArray())
        {
            foreach (var (connectionId, renewedAt) in member.Connections.ToArray())
            {
                if (renewedAt < oldest) member.Connections.Remove(connectionId);
            }

            if (member.Connections.Count > 0) continue;
            _room.Remove(userId);
            RoomChanged();
        }

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

    // Sends interleave with other calls, so two writes of the state could overlap and the second would carry a
    // stale etag; each write waits for the one before it instead.
    private Task SaveAsync()
    {
        var previous = _lastWrite;
        _lastWrite = WriteAfterAsync();
        return _lastWrite;

        async Task WriteAfterAsync()
        {
            await previous.ContinueWith(static _ => { }, TaskScheduler.Current);
            await cafe.WriteStateAsync();
        }
    }

    private void PublishPresence() => _events.Publish(EventNames.Presence, new PresenceChanged(CafeId, [.. Online()]));

    private void PublishTopics()
    {
        var topics = _topics.Top(time.GetUtcNow());
        if (topics.SequenceEqual(_pushedTopics)) return;
        _pushedTopics = topics;
        _events.Publish(EventNames.Topics, new TopicsChanged(CafeId, topics));
    }

    private IGrainTimer Schedule(TimeSpan dueTime, Func<Task> callback) =>
        RegisterGrainTimer(_ => callback(), new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));

    private TokenBucket AllowanceOf(Guid userId, DateTimeOffset now)
    {
        if (_sendAllowances.TryGetValue(userId, out var allowance)) return allowance;
        if (_sendAllowances.Count > 4 * (_room.Count + 16))
        {
            // Buckets that refilled completely say nothing any more: drop them rather than keep every sender ever.
            foreach (var (id, bucket) in _sendAllowances.ToArray())
            {
                if (bucket.IsFull(now)) _sendAllowances.Remove(id);
            }
        }

        return _sendAllowances[userId] = new TokenBucket(_options.MessagesPerMinute, TimeSpan.FromMinutes(1), now);
    }

    private void EnsureNotMuted(Guid userId, DateTimeOffset now)
    {
        if (State.Mutes.TryGetValue(userId, out var until) && until > now)
        {
            throw new PlatformException(ErrorCodes.Muted, "You are muted in this café.", until - now);
        }
    }

    // A refusal counts towards a mute; the one that reaches the limit mutes the sender and says so.
    private async Task RefuseAsync(Guid userId, string reason, DateTimeOffset now)
    {
        if (!_spam.Refused(userId, now)) throw PlatformException.Validation($"Refused as spam: {reason}.");
        State.Mutes[userId] = now + _options.MuteDuration;
        await SaveAsync();
        throw new PlatformException(ErrorCodes.Muted, $"Refused as spam ({reason}); you are muted in this café.", _options.MuteDuration);
    }

    private void EnsureOwner(Guid userId)
    {
        EnsureExists();
        if (userId != State.OwnerId) throw PlatformException.Forbidden("Only the café's owner can do that.");
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
