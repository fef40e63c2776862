using System.Text.Json;

namespace Platform.Api.Tests;

/// <summary>A signed-in user: its credentials (none for guests), its newest tokens, and the <c>user</c> the API answered.</summary>
public sealed record TestUser(Guid Id, string Username, string? Email, string? Password, string AccessToken, string RefreshToken, JsonElement User);
