namespace Platform.Actors.Tests.Grains;

public sealed class ValueGrain : Grain, IValueGrain
{
    private List<string> _items = [];

    public Task Keep(List<string> items)
    {
        _items = items;
        return Task.CompletedTask;
    }

    public Task<List<string>> Items() => Task.FromResult(_items);
}
