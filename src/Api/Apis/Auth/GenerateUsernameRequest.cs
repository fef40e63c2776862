namespace Platform.Api.Apis.Auth;

public sealed record GenerateUsernameRequest(Guid? CafeId, string? ReceiptId);
