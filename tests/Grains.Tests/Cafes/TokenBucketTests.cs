using Platform.Grains.Cafes.Chat;

namespace Platform.Grains.Tests.Cafes;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Thirty_messages_a_minute_pass_and_the_next_waits_two_seconds()
    {
        var bucket = new TokenBucket(30, TimeSpan.FromMinutes(1), Start);
        for (var i = 0; i < 30; i++) Assert.True(bucket.TryTake(Start, out _));

        Assert.False(bucket.TryTake(Start, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.True(bucket.TryTake(Start.AddSeconds(2), out _));
    }

    [Fact]
    public void A_bucket_never_fills_beyond_its_capacity()
    {
        var bucket = new TokenBucket(3, TimeSpan.FromMinutes(1), Start);
        var later = Start.AddHours(1);
        for (var i = 0; i < 3; i++) Assert.True(bucket.TryTake(later, out _));

        Assert.False(bucket.TryTake(later, out _));
    }
}
