using Platform.Grains.Cafes;
using Platform.Grains.Cafes.Chat;

namespace Platform.Grains.Tests.Cafes;

public sealed class SpamGuardTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Alice = Guid.NewGuid();
    private readonly SpamGuard _guard = new(new CafeOptions());

    [Fact]
    public void The_same_text_again_within_five_minutes_is_refused()
    {
        _guard.Sent(Alice, "Hello there", Start);

        Assert.NotNull(_guard.Check(Alice, "hello THERE", Start.AddSeconds(299)).Refusal);
    }

    [Fact]
    public void The_same_text_after_five_minutes_passes()
    {
        _guard.Sent(Alice, "Hello there", Start);

        Assert.Equal(SpamVerdict.Fine, _guard.Check(Alice, "Hello there", Start.AddSeconds(301)));
    }

    [Fact]
    public void Someone_else_may_say_the_same()
    {
        _guard.Sent(Alice, "Hello there", Start);

        Assert.Equal(SpamVerdict.Fine, _guard.Check(Guid.NewGuid(), "Hello there", Start));
    }

    [Fact]
    public void Two_links_pass_and_three_are_refused()
    {
        Assert.Null(_guard.Check(Alice, "see https://a.example and www.b.example", Start).Refusal);
        Assert.NotNull(_guard.Check(Alice, "https://a.example http://b.example www.c.example", Start).Refusal);
    }

    [Fact]
    public void A_character_seven_times_in_a_row_passes_with_a_warning()
    {
        Assert.Equal(SpamVerdict.Fine, _guard.Check(Alice, "soooooo good", Start));
        var verdict = _guard.Check(Alice, "sooooooo good", Start);

        Assert.Null(verdict.Refusal);
        Assert.NotNull(verdict.Warning);
    }

    [Fact]
    public void A_message_over_half_capitals_passes_with_a_warning()
    {
        Assert.Equal(SpamVerdict.Fine, _guard.Check(Alice, "GREAT coffee here", Start));
        var verdict = _guard.Check(Alice, "GREAT COFFEE here", Start);

        Assert.Null(verdict.Refusal);
        Assert.NotNull(verdict.Warning);
    }

    [Fact]
    public void Two_refusals_within_an_hour_call_for_a_mute()
    {
        Assert.False(_guard.Refused(Alice, Start));
        Assert.True(_guard.Refused(Alice, Start.AddMinutes(59)));
    }

    [Fact]
    public void Refusals_an_hour_apart_do_not_call_for_a_mute()
    {
        Assert.False(_guard.Refused(Alice, Start));
        Assert.False(_guard.Refused(Alice, Start.AddMinutes(61)));
    }
}
