using Platform.Grains.Games;

namespace Platform.Grains.Tests.Games;

public sealed class ScoringTests
{
    [Theory]
    [InlineData(20, 0.0, 1, 20)]
    [InlineData(20, 0.999, 1, 20)]
    [InlineData(20, 1.0, 1, 19)]
    [InlineData(20, 3.5, 2, 34)]
    [InlineData(20, 19.99, 5, 5)]
    [InlineData(20, 20.0, 5, 0)]
    [InlineData(5, 7.0, 3, 0)]
    public void A_correct_answer_scores_the_whole_seconds_left_times_the_multiplier(int seconds, double taken, int multiplier, int expected)
    {
        Assert.Equal(expected, Scoring.Points(seconds, TimeSpan.FromSeconds(taken), multiplier));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(7, 4)]
    [InlineData(8, 5)]
    [InlineData(50, 5)]
    public void The_multiplier_grows_every_second_answer_in_a_row_up_to_five(int streak, int multiplier)
    {
        Assert.Equal(multiplier, Scoring.MultiplierAfter(streak));
    }
}
