using System.Collections.Immutable;

namespace Platform.Grains.Cafes;

/// <summary>
/// Reads a café's chat history straight from its table, so paging back through it never queues behind the
/// café's live messages.
/// </summary>
public interface ICafeHistory
{
    /// <summary>Messages not deleted, newest first, older than <paramref name="before"/> when given.</summary>
    Task<ImmutableArray<ChatMessage>> PageAsync(Guid cafeId, DateTimeOffset? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>Messages not deleted, newest first, older than the message <paramref name="beforeId"/>.</summary>
    Task<ImmutableArray<ChatMessage>> PageBeforeAsync(Guid cafeId, Guid beforeId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The café a message was written in, or null when there is no such message.</summary>
    Task<Guid?> CafeOfAsync(Guid messageId, CancellationToken cancellationToken = default);
}
