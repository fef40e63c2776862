namespace Platform.Payments.Tests;

public sealed record Member(string AccessToken, Guid Id);
