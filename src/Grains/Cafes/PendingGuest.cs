namespace Platform.Grains.Cafes;

/// <summary>A guest the owner let in, who has not joined yet. The user id is fixed now so a retried join makes the same user.</summary>
public sealed record PendingGuest(Guid GuestId, string Username, string ReceiptId, DateTimeOffset ExpiresAt);
