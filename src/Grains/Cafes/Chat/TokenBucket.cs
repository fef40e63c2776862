namespace Platform.Grains.Cafes.Chat;

/// <summary>A token bucket: full at <c>capacity</c>, refilled evenly over <c>refillTime</c>.</summary>
internal sealed class TokenBucket(int capacity, TimeSpan refillTime, DateTimeOffset now)
{
    private readonly double _tokensPerSecond = capacity / refillTime.TotalSeconds;
    private double _tokens = capacity;
    private DateTimeOffset _updatedAt = now;

    public bool IsFull(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= capacity;
    }

    /// <summary>Takes a token, or says how long until one is there.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan wait)
    {
        Refill(now);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            wait = TimeSpan.Zero;
            return true;
        }

        wait = TimeSpan.FromSeconds((1 - _tokens) / _tokensPerSecond);
        return false;
    }

    private void Refill(DateTimeOffset now)
    {
        var elapsed = (now - _updatedAt).TotalSeconds;
        if (elapsed <= 0) return;
        _tokens = Math.Min(capacity, _tokens + (elapsed * _tokensPerSecond));
        _updatedAt = now;
    }
}
