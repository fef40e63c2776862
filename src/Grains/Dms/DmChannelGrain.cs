using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Users;

namespace Platform.Grains.Dms;

public sealed class DmChannelGrain(
    [PersistentState(DmChannelGrain.StateName)] IPersistentState<DmChannelState> channel,
    DmTables tables,
    IOptions<DmOptions> options,
    TimeProvider time) : Grain, IDmChannelGrain
{
    public const string StateName = "channel";

    private Guid ChannelId => this.GetPrimaryKey();

    private DmChannelState State => channel.State;

    public async Task Open(DmMember first, DmMember second)
    {
        if (channel.RecordExists)
        {
            if (IsMemberOf(first.UserId) && IsMemberOf(second.UserId)) return;
            throw PlatformException.Conflict("This channel belongs to others.");
        }

        State.First = first;
        State.Second = second;
        State.CreatedAt = time.GetUtcNow();
        await tables.CreateChannelAsync(ChannelId, first, second, State.CreatedAt);
        await channel.WriteStateAsync();
    }

    public async Task<DmMessage> Send(Guid userId, string content)
    {
        var author = Member(userId);
        content = content.Trim();
        var maxLength = options.Value.MaxMessageLength;
        if (content.Length == 0 || content.Length > maxLength) throw PlatformException.Validation($"A message is 1 to {maxLength} characters.");
        if (content.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))) throw PlatformException.Validation("A message cannot hold control characters.");

        var now = time.GetUtcNow();
        var message = new DmMessage(Guid.CreateVersion7(now), ChannelId, userId, author.Username, content, now);
        await tables.AppendAsync(message);
        await NotifyBothAsync(EventNames.DmMessage, message);
        return message;
    }

    public async Task Delete(Guid messageId, Guid userId)
    {
        Member(userId);
        var author = await tables.AuthorOfAsync(ChannelId, messageId) ?? throw PlatformException.NotFound("There is no such message.");
        if (author != userId) throw PlatformException.Forbidden("Only its author can delete a message.");
        await tables.MarkDeletedAsync(messageId, time.GetUtcNow());
        await NotifyBothAsync(EventNames.DmMessageDeleted, new DmMessageDeleted(ChannelId, messageId));
    }

    public Task<bool> IsMember(Guid userId) => Task.FromResult(IsMemberOf(userId));

    private async Task NotifyBothAsync<T>(string eventName, T payload)
    {
        var json = RawJson.From(payload);
        await GrainFactory.GetGrain<IUserGrain>(State.First!.UserId).Notify(eventName, json);
        await GrainFactory.GetGrain<IUserGrain>(State.Second!.UserId).Notify(eventName, json);
    }

    private bool IsMemberOf(Guid userId) => channel.RecordExists && (State.First?.UserId == userId || State.Second?.UserId == userId);

    // To anyone but its two members a channel does not exist: they get the same answer as for an unknown id.
    private DmMember Member(Guid userId)
    {
        if (!IsMemberOf(userId)) throw PlatformException.NotFound("There is no such channel.");
        return State.First!.UserId == userId ? State.First : State.Second!;
    }
}
