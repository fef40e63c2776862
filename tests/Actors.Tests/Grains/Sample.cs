namespace Platform.Actors.Tests.Grains;

/// <summary>A value with a little of everything that crosses the wire.</summary>
public sealed record Sample(string Name, IReadOnlyList<int> Numbers, DateTimeOffset When, Dictionary<string, decimal> Prices, INewsGrain? Related);
