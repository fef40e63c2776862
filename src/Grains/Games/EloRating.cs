namespace Platform.Grains.Games;

/// <summary>
/// Multiplayer Elo: a game of n players counts as every pair of them playing one match, the better final score
/// winning it (equal scores draw). A player's change is <c>K / (n − 1) × Σ (actual − expected)</c> over its
/// n − 1 matches, with expected = <c>1 / (1 + 10^((theirs − mine) / 400))</c>; so one game moves a rating by at
/// most K, and a game alone moves it not at all.
/// </summary>
public static class EloRating
{
    public static int[] Changes(IReadOnlyList<int> ratings, IReadOnlyList<int> scores, int k)
    {
        var n = ratings.Count;
        var changes = new int[n];
        if (n < 2) return changes;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                var expected = 1 / (1 + Math.Pow(10, (ratings[j] - ratings[i]) / 400.0));
                var actual = scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                sum += actual - expected;
            }

            changes[i] = (int)Math.Round(k * sum / (n - 1), MidpointRounding.AwayFromZero);
        }

        return changes;
    }
}
