using Platform.Grains.Cafes;
using Platform.Grains.Cafes.Chat;

namespace Platform.Grains.Tests.Cafes;

public sealed class TrendingTopicsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TrendingTopics _topics = new(new CafeOptions());

    [Fact]
    public void Words_longer_than_four_letters_are_counted_lower_cased()
    {
        _topics.Add("Espresso is great, espresso ROCKS", Start);

        Assert.Equal([new TopicCount("espresso", 2), new TopicCount("rocks", 1)], _topics.Top(Start).ToArray());
    }

    [Fact]
    public void Links_and_stop_words_are_left_out()
    {
        _topics.Add("really about https://latte.example/espresso", Start);

        Assert.Empty(_topics.Top(Start).ToArray());
    }

    [Fact]
    public void Words_leave_the_count_after_an_hour()
    {
        _topics.Add("croissant", Start);
        _topics.Add("croissant muffin", Start.AddMinutes(30));

        Assert.Equal([new TopicCount("croissant", 1), new TopicCount("muffin", 1)], _topics.Top(Start.AddMinutes(61)).ToArray());
    }

    [Fact]
    public void Only_the_top_ten_are_kept_most_counted_first()
    {
        for (var i = 0; i < 12; i++) _topics.Add(string.Join(' ', Enumerable.Repeat($"topic{(char)('a' + i)}", i + 1)), Start);

        var top = _topics.Top(Start);

        Assert.Equal(10, top.Length);
        Assert.Equal(new TopicCount("topicl", 12), top[0]);
    }
}
