using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class TipsTests(PaymentsFixture fixture)
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task A_tip_creates_a_pending_order_and_a_payment_intent_with_its_client_secret()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();

        using var response = await Api.TipAsync(member, new { cafeId, amountCents = 250, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("pi_", body.GetProperty("paymentIntentId").GetString(), StringComparison.Ordinal);
        Assert.Contains("_secret_", body.GetProperty("clientSecret").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var order = await Api.GetJsonAsync(member, $"/api/payments/orders/{body.GetProperty("orderId").GetGuid()}");
        Assert.Equal(250, order.GetProperty("amountCents").GetInt64());
        Assert.Equal("eur", order.GetProperty("currency").GetString());
        Assert.Equal(cafeId, order.GetProperty("cafeId").GetGuid());
    }

    [Fact]
    public async Task A_response_lost_after_stripe_created_the_intent_is_retried_with_the_same_key_and_makes_one_intent()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (intentsBefore, requestsBefore) = (fixture.Stripe.IntentCount, fixture.Stripe.CreateRequests);
        fixture.Stripe.FailNext(1, afterProcessing: true);

        var (orderId, intentId) = await Api.TipOkAsync(member, cafeId);

        Assert.Equal(intentsBefore + 1, fixture.Stripe.IntentCount);
        Assert.Equal(requestsBefore + 2, fixture.Stripe.CreateRequests);
        await fixture.Stripe.PayAsync(intentId);
        Assert.Equal("paid", await Api.OrderStatusAsync(member, orderId));
    }

    [Fact]
    public async Task Stripe_failing_with_500s_past_the_retries_is_unavailable_to_the_client()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var requestsBefore = fixture.Stripe.CreateRequests;
        fixture.Stripe.FailNext(3);

        using var response = await Api.TipAsync(member, new { cafeId, amountCents = 500, currency = "eur" });

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal(requestsBefore + 3, fixture.Stripe.CreateRequests);
    }

    [Fact]
    public async Task A_declined_card_is_payment_failed_and_fails_the_order_with_the_decline_code()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();

        using var response = await Api.TipAsync(member, new { cafeId, amountCents = 500, currency = "eur", paymentMethod = "pm_card_chargeDeclined" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.PaymentRequired, "payment_failed");
        Assert.Contains("declined", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await using var database = fixture.Database.CreateDataSource();
        await using var orders = database.CreateCommand("SELECT status, failure_reason FROM payment_orders WHERE user_id = $1");
        orders.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = member.Id });
        await using var row = await orders.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        // The refusal and the payment_intent.payment_failed webhook race to the order; both name the decline code.
        Assert.Equal(("failed", "generic_decline"), (row.GetString(0), row.GetString(1)));
        Assert.False(await row.ReadAsync());
    }

    [Fact]
    public async Task An_amount_stripe_refuses_is_validation_failed_without_retries()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var requestsBefore = fixture.Stripe.CreateRequests;

        using var response = await Api.TipAsync(member, new { cafeId, amountCents = PaymentsFixture.MinimumAmountCents, currency = "eur" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("amount", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(requestsBefore + 1, fixture.Stripe.CreateRequests);
    }

    [Theory]
    [InlineData(PaymentsFixture.MinimumAmountCents - 1)]
    [InlineData(PaymentsFixture.MaximumAmountCents + 1)]
    public async Task An_amount_outside_the_limits_is_refused_before_stripe_hears_of_it(long amountCents)
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var requestsBefore = fixture.Stripe.CreateRequests;

        using var response = await Api.TipAsync(member, new { cafeId, amountCents, currency = "eur" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("amountCents", out _));
        Assert.Equal(requestsBefore, fixture.Stripe.CreateRequests);
    }

    [Fact]
    public async Task A_currency_not_on_the_list_is_refused()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();

        using var response = await Api.TipAsync(member, new { cafeId, amountCents = 500, currency = "xyz" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task Missing_fields_are_listed()
    {
        var member = await Api.RegisterAsync();

        using var response = await Api.TipAsync(member, new { });

        var errors = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("cafeId", out _));
        Assert.True(errors.TryGetProperty("amountCents", out _));
        Assert.True(errors.TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task A_tip_to_an_unknown_cafe_is_not_found()
    {
        var member = await Api.RegisterAsync();

        using var response = await Api.TipAsync(member, new { cafeId = Guid.NewGuid(), amountCents = 500, currency = "eur" });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Someone_elses_order_is_not_found()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        var (orderId, _) = await Api.TipOkAsync(member, cafeId);
        var stranger = await Api.RegisterAsync();

        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/payments/orders/{orderId}", stranger);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_unknown_order_is_not_found()
    {
        var member = await Api.RegisterAsync();

        using var response = await Api.SendAsync(HttpMethod.Get, $"/api/payments/orders/{Guid.NewGuid()}", member);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Tipping_needs_a_signed_in_user()
    {
        using var response = await Api.Http.PostAsJsonAsync("/api/payments/tips", new { cafeId = Guid.NewGuid(), amountCents = 500, currency = "eur" });
        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Five_paid_tips_to_a_cafe_show_its_regular_badge_in_the_status_and_on_the_user()
    {
        var (member, cafeId) = await Api.MemberWithCafeAsync();
        for (var i = 0; i < 5; i++)
        {
            var (_, intentId) = await Api.TipOkAsync(member, cafeId);
            await fixture.Stripe.PayAsync(intentId);
        }

        var status = await Api.GetJsonAsync(member, "/api/badges/status");
        Assert.Equal(5, status.GetProperty("tipsThisWeek").GetInt32());
        Assert.Equal(5, status.GetProperty("nextBadgeAt").GetInt32());
        var badge = Assert.Single(status.GetProperty("badges").EnumerateArray());
        Assert.Equal("regular", badge.GetProperty("type").GetString());
        Assert.Equal(cafeId, badge.GetProperty("cafeId").GetGuid());
        var awardedAt = badge.GetProperty("awardedAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(30), badge.GetProperty("expiresAt").GetDateTimeOffset() - awardedAt);

        var me = await Api.GetJsonAsync(member, "/api/users/me");
        Assert.Equal("regular", Assert.Single(me.GetProperty("badges").EnumerateArray()).GetProperty("type").GetString());
    }
}
