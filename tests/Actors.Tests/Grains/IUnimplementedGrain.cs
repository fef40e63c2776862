namespace Platform.Actors.Tests.Grains;

/// <summary>A grain interface no class implements.</summary>
public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task Nothing();
}
