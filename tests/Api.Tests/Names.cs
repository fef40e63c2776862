namespace Platform.Api.Tests;

/// <summary>Unique names, so that tests sharing a database never meet.</summary>
public static class Names
{
    /// <summary>A valid username (letters, digits, <c>_</c>; 3–24 characters) no other test uses.</summary>
    public static string Username() => $"u_{Guid.NewGuid():N}"[..20];

    public static string Email(string username) => $"{username}@example.com";
}
