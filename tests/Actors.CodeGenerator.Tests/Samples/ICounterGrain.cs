namespace Platform.Actors.CodeGenerator.Tests.Samples;

/// <summary>A grain interface compiled by this project, so the generator runs through MSBuild as it does for real grains.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    [ReadOnly]
    ValueTask<int> Get();

    [OneWay]
    Task Reset();
}
