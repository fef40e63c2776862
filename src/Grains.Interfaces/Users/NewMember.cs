namespace Platform.Grains.Users;

/// <summary>A registration, already validated for shape at the edge; the grain hashes the password.</summary>
public sealed record NewMember(string Email, string Username, string Password);
