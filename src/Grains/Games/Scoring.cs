namespace Platform.Grains.Games;

/// <summary>
/// The quiz's scoring rule: a correct answer scores <c>max(0, secondsPerQuestion − whole seconds taken) ×
/// multiplier</c>, with the multiplier as it stood before the answer; then the streak grows by one and the
/// multiplier becomes <c>min(5, streak ÷ 2 + 1)</c> (integer division). A wrong or missing answer scores 0 and
/// resets streak and multiplier to 0 and 1.
/// </summary>
public static class Scoring
{
    public const int MaxMultiplier = 5;

    public static int Points(int secondsPerQuestion, TimeSpan taken, int multiplier) =>
        Math.Max(0, secondsPerQuestion - (int)Math.Floor(taken.TotalSeconds)) * multiplier;

    public static int MultiplierAfter(int streak) => Math.Min(MaxMultiplier, (streak / 2) + 1);
}
