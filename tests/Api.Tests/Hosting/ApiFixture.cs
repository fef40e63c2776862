namespace Platform.Api.Tests.Hosting;

/// <summary>The shared host: default rules, limits out of the way.</summary>
public sealed class ApiFixture : PlatformFixture;
