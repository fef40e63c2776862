using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Actors.Reminders;
using Platform.Grains.Dms;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Users;

namespace Platform.Grains.Pokes;

public sealed class PokePairGrain(
    [PersistentState(PokePairGrain.StateName)] IPersistentState<PokePairState> pair,
    PokeTable table,
    IOptions<PokeOptions> options,
    TimeProvider time) : Grain, IPokePairGrain, IRemindable
{
    public const string StateName = "pokes";
    private const string ExpiryReminder = "poke-expiry";

    // Answered pokes are kept a while so that answering twice says "conflict" rather than "not found".
    private static readonly TimeSpan AnsweredKeptFor = TimeSpan.FromDays(7);

    private List<PokeRecord> Pokes => pair.State.Pokes;

    public async Task<PokeResult> Send(Guid fromUserId, Guid toUserId, string sharedInterest)
    {
        if (fromUserId == toUserId) throw PlatformException.Conflict("You cannot poke yourself.");
        if (PokePairs.Key(fromUserId, toUserId) != this.GetPrimaryKeyString()) throw PlatformException.Forbidden("This poke belongs to another pair.");

        var target = await GrainFactory.GetGrain<IUserGrain>(toUserId).Get();
        if (!target.PokeEnabled) throw PlatformException.NotFound("There is no such user to poke.");

        var now = time.GetUtcNow();
        if (Pending(now).Any(poke => poke.From == fromUserId)) throw PlatformException.Conflict("You poked them already; wait for an answer.");
        if (Pending(now).FirstOrDefault(poke => poke.From == toUserId) is { } theirs) return await MatchAsync(theirs);

        var sender = GrainFactory.GetGrain<IUserGrain>(fromUserId);
        await sender.TakePokeAllowance();
        var poke = new PokeRecord
        {
            Id = Guid.CreateVersion7(now),
            From = fromUserId,
            To = toUserId,
            SharedInterest = sharedInterest,
            Status = PokeStatus.Pending,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
        };
        Pokes.RemoveAll(old => old.Status != PokeStatus.Pending && now - old.CreatedAt > AnsweredKeptFor);
        Pokes.Add(poke);
        await table.SaveAsync(poke);
        await pair.WriteStateAsync();
        await RegisterOrUpdateReminder(ExpiryReminder, options.Value.Lifetime, TimeSpan.FromHours(1));
        await GrainFactory.GetGrain<IUserGrain>(toUserId).Notify(EventNames.PokeReceived, RawJson.From(new PokeReceived(poke.Id, sharedInterest)));
        return new PokeResult(poke.Id, PokeStatus.Pending, null);
    }

    public async Task<PokeResult> Respond(Guid pokeId, Guid responderId, bool accept)
    {
        var poke = Pokes.Find(p => p.Id == pokeId && p.To == responderId) ?? throw PlatformException.NotFound("There is no such poke.");
        // Expired whether or not the expiry reminder has run yet: the answer must not depend on its timing.
        if (poke.Status == PokeStatus.Expired || (poke.Status == PokeStatus.Pending && poke.ExpiresAt <= time.GetUtcNow()))
        {
            throw new PlatformException(ErrorCodes.Gone, "This poke has expired.");
        }

        if (poke.Status != PokeStatus.Pending) throw PlatformException.Conflict("This poke was answered already.");
        if (accept) return await MatchAsync(poke);

        poke.Status = PokeStatus.Declined;
        await table.SaveAsync(poke);
        await pair.WriteStateAsync();
        return new PokeResult(poke.Id, PokeStatus.Declined, null);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = time.GetUtcNow();
        foreach (var poke in Pokes.Where(p => p.Status == PokeStatus.Pending && p.ExpiresAt <= now).ToList())
        {
            poke.Status = PokeStatus.Expired;
            await table.SaveAsync(poke);
        }

        await pair.WriteStateAsync();
        if (!Pending(now).Any() && await GetReminder(ExpiryReminder) is { } reminder) await UnregisterReminder(reminder);
    }

    // The channel is opened before the poke is marked matched: the channel's id is fixed by the pair, so a match
    // retried after a crash in between opens the same channel again, which does nothing.
    private async Task<PokeResult> MatchAsync(PokeRecord poke)
    {
        var sender = await GrainFactory.GetGrain<IUserGrain>(poke.From).Get();
        var receiver = await GrainFactory.GetGrain<IUserGrain>(poke.To).Get();
        var channelId = PokePairs.ChannelId(poke.From, poke.To);
        await GrainFactory.GetGrain<IDmChannelGrain>(channelId).Open(new DmMember(sender.Id, sender.Username), new DmMember(receiver.Id, receiver.Username));

        poke.Status = PokeStatus.Matched;
        poke.ChannelId = channelId;
        await table.SaveAsync(poke);
        await pair.WriteStateAsync();
        await NotifyMatchAsync(poke.From, new PokeMatched(poke.Id, channelId, new MatchedUser(receiver.Id, receiver.Username)));
        await NotifyMatchAsync(poke.To, new PokeMatched(poke.Id, channelId, new MatchedUser(sender.Id, sender.Username)));
        return new PokeResult(poke.Id, PokeStatus.Matched, channelId);
    }

    private Task NotifyMatchAsync(Guid userId, PokeMatched matched) =>
        GrainFactory.GetGrain<IUserGrain>(userId).Notify(EventNames.PokeMatched, RawJson.From(matched));

    private IEnumerable<PokeRecord> Pending(DateTimeOffset now) => Pokes.Where(poke => poke.Status == PokeStatus.Pending && poke.ExpiresAt > now);
}
