using Platform.Actors;

namespace Platform.Grains.Pokes;

/// <summary>
/// The pokes between two users, keyed by the pair (<see cref="PokePairs.Key"/>). One grain for both directions
/// makes the race of two users poking each other at the same moment a plain sequence: the second poke finds the
/// first pending and becomes the match, so exactly one channel is made.
/// </summary>
public interface IPokePairGrain : IGrainWithStringKey
{
    Task<PokeResult> Send(Guid fromUserId, Guid toUserId, string sharedInterest);

    Task<PokeResult> Respond(Guid pokeId, Guid responderId, bool accept);
}
