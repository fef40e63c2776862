using System.Collections.Immutable;

namespace Platform.Grains.Dms;

/// <summary>Reads channels and their messages from their tables.</summary>
public interface IDmDirectory
{
    Task<ImmutableArray<DmChannelView>> ChannelsOfAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Messages not deleted, newest first, older than <paramref name="beforeId"/> when given.</summary>
    Task<ImmutableArray<DmMessage>> PageAsync(Guid channelId, Guid? beforeId, int limit, CancellationToken cancellationToken = default);

    Task<Guid?> ChannelOfMessageAsync(Guid messageId, CancellationToken cancellationToken = default);
}
