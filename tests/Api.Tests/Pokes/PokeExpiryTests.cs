using System.Net;
using Npgsql;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Pokes;

/// <summary>One test only: it moves the fixture's clock a day on.</summary>
[Collection(ManualClockCollection.Name)]
public sealed class PokeExpiryTests(ManualClockFixture fixture)
{
    // Platform:Pokes:Lifetime, which this fixture leaves at its default.
    private static readonly TimeSpan PokeLifetime = TimeSpan.FromDays(1);

    [Fact]
    public async Task A_poke_left_unanswered_for_a_day_expires_and_answering_it_is_gone()
    {
        var sender = await fixture.RegisterAsync();
        var receiver = await fixture.RegisterAsync();
        using var sent = await fixture.PostAsync("/api/pokes/send", new { toUserId = receiver.Id, sharedInterest = "tea" }, sender.AccessToken);
        var poke = (await ApiAssert.JsonAsync(sent, HttpStatusCode.OK)).GetProperty("pokeId").GetGuid();

        fixture.Clock.Advance(PokeLifetime + TimeSpan.FromSeconds(1));
        await EventuallyAsync(async () => await StatusAsync(poke) == "expired");

        // Tokens issued before the jump are a day old now: sign in again.
        var signedIn = await SignInAsync(receiver);
        using var answered = await fixture.PostAsync("/api/pokes/respond", new { pokeId = poke, action = "accept" }, signedIn.AccessToken);
        using var pending = await fixture.GetAsync("/api/pokes/pending", signedIn.AccessToken);

        await ApiAssert.ProblemAsync(answered, HttpStatusCode.Gone, "gone");
        Assert.Equal(0, (await ApiAssert.JsonAsync(pending, HttpStatusCode.OK)).GetArrayLength());
    }

    private async Task<TestUser> SignInAsync(TestUser user)
    {
        using var response = await fixture.PostAsync("/api/auth/login", new { login = user.Username, password = user.Password });
        return Accounts.User(await ApiAssert.JsonAsync(response, HttpStatusCode.OK), user.Email, user.Password);
    }

    private async Task<string?> StatusAsync(Guid pokeId)
    {
        await using var dataSource = fixture.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT status FROM pokes WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = pokeId });
        return (string?)await command.ExecuteScalarAsync();
    }

    // The reminder's call reaches the grain a moment after the clock moved; wait for its effect, with a deadline.
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition()) await Task.Delay(20, deadline.Token);
    }
}
