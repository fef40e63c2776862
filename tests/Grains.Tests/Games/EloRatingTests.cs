using Platform.Grains.Games;

namespace Platform.Grains.Tests.Games;

public sealed class EloRatingTests
{
    [Fact]
    public void Between_equals_the_winner_gains_half_of_K_and_the_loser_loses_it()
    {
        Assert.Equal([16, -16], EloRating.Changes([1200, 1200], [10, 0], 32));
    }

    [Fact]
    public void A_draw_between_equals_changes_nothing()
    {
        Assert.Equal([0, 0], EloRating.Changes([1200, 1200], [7, 7], 32));
    }

    [Fact]
    public void An_upset_moves_ratings_more_than_the_expected_result()
    {
        var upset = EloRating.Changes([1000, 1400], [10, 0], 32);
        var expected = EloRating.Changes([1400, 1000], [10, 0], 32);

        Assert.Equal([29, -29], upset);
        Assert.Equal([3, -3], expected);
    }

    [Fact]
    public void In_a_four_player_game_changes_follow_the_ranking_and_stay_within_K()
    {
        var changes = EloRating.Changes([1200, 1200, 1200, 1200], [40, 30, 20, 10], 32);

        Assert.Equal([16, 5, -5, -16], changes);
    }

    [Fact]
    public void A_game_alone_moves_no_rating()
    {
        Assert.Equal([0], EloRating.Changes([1200], [50], 32));
    }
}
