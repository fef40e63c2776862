using System.Net;
using System.Text;
using Npgsql;
using Platform.StripeFake;

namespace Platform.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class WebhookTests(PaymentsFixture fixture)
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task A_succeeded_event_marks_the_order_paid()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);
        Assert.Equal("pending", await Api.OrderStatusAsync(member, orderId));

        await fixture.Stripe.PayAsync(intentId);

        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
    }

    [Fact]
    public async Task A_redelivered_event_is_acknowledged_and_applied_once()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);
        var paid = await fixture.Stripe.PayAsync(intentId);

        Assert.True(await fixture.Stripe.ResendAsync(paid));
        Assert.True(await fixture.Stripe.ResendAsync(paid));

        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
        var status = await Api.GetJsonAsync(member, $"/api/badges/status?cafeId={cafeId}");
        Assert.Equal(1, status.GetProperty("tipsThisWeek").GetInt32());
        Assert.Equal(1, await CountEventRowsAsync(paid.Id));
    }

    [Fact]
    public async Task A_failure_reported_after_the_success_does_not_undo_the_payment()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);
        await fixture.Stripe.PayAsync(intentId);

        await fixture.Stripe.DeclineAsync(intentId);

        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
    }

    [Fact]
    public async Task A_declined_attempt_fails_the_order_and_a_later_success_still_pays_it()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);

        await fixture.Stripe.DeclineAsync(intentId);
        Assert.Equal("failed", await Api.OrderStatusAsync(member, orderId));

        await fixture.Stripe.PayAsync(intentId);
        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
    }

    [Fact]
    public async Task A_canceled_intent_cancels_the_order()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);

        using var stripe = new HttpClient { BaseAddress = fixture.Stripe.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/payment_intents/{intentId}/cancel");
        request.Headers.Authorization = new("Bearer", fixture.Stripe.SecretKey);
        using var response = await stripe.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Eventually.TrueAsync(async () => await Api.OrderStatusAsync(member, orderId) == "canceled");
    }

    [Fact]
    public async Task A_delivery_signed_with_the_previous_secret_is_accepted_while_it_rotates()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);

        fixture.Stripe.WebhookSecrets = [PaymentsFixture.PreviousSecret];
        try
        {
            await fixture.Stripe.PayAsync(intentId);
        }
        finally
        {
            fixture.Stripe.WebhookSecrets = [PaymentsFixture.CurrentSecret];
        }

        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("tampered body")]
    [InlineData("old timestamp")]
    [InlineData("no signature")]
    public async Task A_delivery_that_fails_the_signature_check_is_refused_with_400_and_not_applied(string fault)
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);
        var payload = SucceededEvent(intentId, orderId);
        var now = DateTimeOffset.UtcNow;
        var (body, header) = fault switch
        {
            "wrong secret" => (payload, StripeFakeServer.Sign(payload, now, ["whsec_somebody_else"])),
            "tampered body" => (payload.Replace("\"amount\":500", "\"amount\":5", StringComparison.Ordinal), StripeFakeServer.Sign(payload, now, [PaymentsFixture.CurrentSecret])),
            "old timestamp" => (payload, StripeFakeServer.Sign(payload, now.AddMinutes(-6), [PaymentsFixture.CurrentSecret])),
            _ => (payload, null),
        };

        using var response = await PostWebhookAsync(body, header);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("pending", await Api.OrderStatusAsync(member, orderId));
    }

    [Fact]
    public async Task A_correctly_signed_delivery_crafted_by_hand_is_applied()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);
        var payload = SucceededEvent(intentId, orderId);

        using var response = await PostWebhookAsync(payload, StripeFakeServer.Sign(payload, DateTimeOffset.UtcNow, [PaymentsFixture.CurrentSecret]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
    }

    [Fact]
    public async Task An_event_about_no_order_of_ours_is_acknowledged()
    {
        var payload = SucceededEvent("pi_elsewhere", Guid.NewGuid());
        using var response = await PostWebhookAsync(payload, StripeFakeServer.Sign(payload, DateTimeOffset.UtcNow, [PaymentsFixture.CurrentSecret]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("Stripe-Signature", signature);
        return await Api.Http.SendAsync(request);
    }

    private static string SucceededEvent(string intentId, Guid orderId) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            id = $"evt_{Guid.NewGuid():N}",
            @object = "event",
            type = "payment_intent.succeeded",
            created = 1,
            data = new
            {
                @object = new
                {
                    id = intentId,
                    @object = "payment_intent",
                    amount = 500,
                    currency = "eur",
                    status = "succeeded",
                    metadata = new Dictionary<string, string> { ["order_id"] = orderId.ToString() },
                },
            },
        });

    private async Task<long> CountEventRowsAsync(string eventId)
    {
        await using var database = fixture.Database.CreateDataSource();
        await using var command = database.CreateCommand("SELECT count(*) FROM stripe_events WHERE id = $1 AND processed_at IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
