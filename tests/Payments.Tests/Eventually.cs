namespace Platform.Payments.Tests;

/// <summary>Waits for something that happens on its own schedule (a webhook sent in the background, a reminder), with a deadline.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            // Task.Delay throws once the deadline passes, which fails the test with a timeout instead of hanging it.
            await Task.Delay(20, deadline.Token);
        }
    }
}
