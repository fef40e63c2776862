namespace Platform.Api.Tests.Hub;

/// <summary>A hub method failed; the message is the server's error text (<c>not_found: ...</c>).</summary>
public sealed class HubInvocationException(string message) : Exception(message);
