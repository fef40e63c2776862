using System.Collections.Immutable;
using Platform.Actors;
using Platform.Grains.Events;

namespace Platform.Grains.Cafes;

/// <summary>
/// A café: its details, the guests it lets in, and its room (who is online, the recent messages, typing and
/// trending topics, and the chat rules: rate limits, spam and mutes). Keyed by the café id. Its event stream
/// carries the room's events to every API node with clients in the room.
/// </summary>
public interface ICafeGrain : IGrainWithGuidKey, IGrainEventSource
{
    Task<CafeView> Create(NewCafe cafe);

    [ReadOnly]
    Task<CafeView> Get();

    /// <summary>The owner's way to let a guest in: a fresh guest name and a single-use join token.</summary>
    Task<JoinTokenGrant> IssueJoinToken(Guid ownerId, string receiptId);

    /// <summary>
    /// Lets a guest in with a join token, from inside the café (its Wi-Fi or its radius), creating the guest user.
    /// The token is spent only once the guest exists, so a join that failed halfway can be tried again.
    /// </summary>
    Task<Guid> Admit(GuestJoin join);

    /// <summary>Puts one connection of a user in the room; a user counts once however many connections it has.</summary>
    Task<CafeRoom> Enter(CafeVisitor visitor);

    /// <summary>
    /// An API node's word, once a renewal period, that these connections are still in the room. Connections no node
    /// renews within the event subscription's lifetime leave it (their node died); a café that restarted and forgot
    /// its room gets it back.
    /// </summary>
    Task Renew(ImmutableArray<CafeVisitor> visitors);

    Task Leave(Guid userId, string connectionId);

    /// <summary>Takes a user out of the room on every connection (a guest who expired).</summary>
    Task Evict(Guid userId);

    /// <summary>
    /// Stores and sends a message, unless the sender is muted, over its rate or spamming. Sends interleave at the
    /// store, so that the messages of a busy café are committed together.
    /// </summary>
    [AlwaysInterleave]
    Task<ChatMessage> SendMessage(Guid userId, string content);

    Task StartTyping(Guid userId);

    /// <summary>Deletes a message of this café; only its author or the café's owner may.</summary>
    Task DeleteMessage(Guid messageId, Guid requesterId);

    [ReadOnly]
    Task<ImmutableArray<OnlineUser>> GetPresence();

    Task<ImmutableArray<TopicCount>> GetTopics();

    Task Mute(Guid ownerId, Guid userId, TimeSpan duration);

    Task Unmute(Guid ownerId, Guid userId);
}
