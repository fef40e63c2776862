namespace Platform.Actors.Tests.Grains;

public interface IValueGrain : IGrainWithGuidKey
{
    Task Keep(List<string> items);

    Task<List<string>> Items();
}
