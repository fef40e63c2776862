using Platform.Actors;

namespace Platform.Grains.Dms;

/// <summary>A direct-message channel of exactly two users, keyed by its id. To anyone else it does not exist.</summary>
public interface IDmChannelGrain : IGrainWithGuidKey
{
    /// <summary>Creates the channel of the two, or does nothing when it exists for them already.</summary>
    Task Open(DmMember first, DmMember second);

    Task<DmMessage> Send(Guid userId, string content);

    /// <summary>Deletes a message; only its author may.</summary>
    Task Delete(Guid messageId, Guid userId);

    [ReadOnly]
    Task<bool> IsMember(Guid userId);
}
