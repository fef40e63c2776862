namespace Platform.Actors.Tests.Grains;

[Reentrant]
[GrainType("reentrant-interleaving")]
public sealed class ReentrantInterleavingGrain : InterleavingGrain;
