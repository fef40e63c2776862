using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Chat;

/// <summary>The relay writes each event on several lanes at once; every follower still sees one order.</summary>
[Collection(ApiCollection.Name)]
public sealed class CafeEventOrderTests(ApiFixture fixture)
{
    private const int SenderCount = 3;
    private const int MessagesPerSender = 10;

    [Fact]
    public async Task Every_follower_gets_the_messages_of_several_senders_in_one_order_and_each_senders_in_its_own()
    {
        var owner = await fixture.RegisterAsync();
        var cafe = await fixture.CreateCafeAsync(owner);
        var senders = new List<HubTestClient>();
        var followers = new List<HubTestClient>();
        try
        {
            for (var i = 0; i < SenderCount; i++) senders.Add(await fixture.ConnectHubAsync((await fixture.RegisterAsync()).AccessToken));
            for (var i = 0; i < 8; i++) followers.Add(await fixture.ConnectHubAsync(owner.AccessToken)); // eight connections: some on every lane
            foreach (var connection in senders.Concat(followers)) await connection.InvokeAsync("JoinCafe", cafe.Id);
            var before = followers.Select(follower => follower.EventCount).ToArray();

            await Task.WhenAll(senders.Select((sender, s) => SendAllAsync(sender, s, cafe.Id)));

            var orders = new List<string[]>();
            for (var f = 0; f < followers.Count; f++)
            {
                for (var s = 0; s < SenderCount; s++)
                {
                    await followers[f].WaitForEventAsync("chatMessage", message => message.GetProperty("content").GetString() == Content(s, MessagesPerSender - 1), before[f]);
                }

                orders.Add([.. followers[f].EventsNamed("chatMessage", before[f]).Select(message => message.GetProperty("content").GetString()!)]);
            }

            Assert.All(orders, order => Assert.Equal(SenderCount * MessagesPerSender, order.Length));
            Assert.All(orders, order => Assert.Equal(orders[0], order));
            for (var s = 0; s < SenderCount; s++)
            {
                var prefix = Content(s, 0)[..^2];
                Assert.Equal(Enumerable.Range(0, MessagesPerSender).Select(n => Content(s, n)), orders[0].Where(content => content.StartsWith(prefix, StringComparison.Ordinal)));
            }
        }
        finally
        {
            foreach (var connection in senders.Concat(followers)) await connection.DisposeAsync();
        }
    }

    private static async Task SendAllAsync(HubTestClient sender, int s, Guid cafeId)
    {
        for (var n = 0; n < MessagesPerSender; n++) await sender.InvokeAsync("SendMessage", cafeId, Content(s, n));
    }

    private static string Content(int sender, int message) => $"sender {sender} says {message:D2}";
}
