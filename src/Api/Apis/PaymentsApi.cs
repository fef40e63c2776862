using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Payments;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Payments;
using Platform.Api.Payments.Stripe;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;
using Platform.Grains.Payments;

namespace Platform.Api.Apis;

public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments");
        api.MapPost("/tips", TipAsync).RequireAuthorization();
        api.MapGet("/orders/{id:guid}", GetOrderAsync).RequireAuthorization();
        api.MapPost("/stripe/webhook", WebhookAsync).AllowAnonymous();
        return api;
    }

    private static async Task<Results<Created<TipResponse>, ProblemHttpResult>> TipAsync(
        TipRequest request, ClaimsPrincipal principal, [AsParameters] PaymentServices services, CancellationToken cancellationToken)
    {
        var errors = TipRules.Check(request, services.Tips.Value, out var cafeId, out var amountCents, out var currency);
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());
        await services.Grains.GetGrain<ICafeGrain>(cafeId).Get(); // not_found for a café that does not exist

        var orderId = Guid.NewGuid();
        var order = services.Grains.GetGrain<IOrderGrain>(orderId);
        await order.Create(new NewOrder(principal.UserId(), cafeId, amountCents, currency));

        PaymentIntent intent;
        try
        {
            // The key comes from the order, so every retry of this create, ours or the client library's, is one intent.
            var metadata = new Dictionary<string, string>
            {
                [StripeWebhook.OrderIdKey] = orderId.ToString(),
                ["user_id"] = principal.UserId().ToString(),
                ["cafe_id"] = cafeId.ToString(),
            };
            intent = await services.Stripe.CreatePaymentIntentAsync(
                new PaymentIntentCreate(amountCents, currency, metadata, request.PaymentMethod), $"tip-{orderId}", cancellationToken);
        }
        catch (PlatformException refusal)
        {
            // The webhook of a declined payment may reach the order first: both record the same reason.
            await order.MarkFailed(null, StripeErrors.DeclineReasonOf(refusal) ?? refusal.Code);
            throw;
        }

        var view = await order.AttachPaymentIntent(intent.Id);
        return TypedResults.Created($"/api/payments/orders/{orderId}", new TipResponse(orderId, intent.Id, intent.ClientSecret, view.Status));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrderAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var order = await grains.GetGrain<IOrderGrain>(id).Get();

        // Someone else's order is not acknowledged to exist.
        if (order.UserId != principal.UserId()) return Problems.NotFound("There is no such order.");
        return TypedResults.Ok(OrderResponse.From(order));
    }

    private static async Task<Results<Ok, ProblemHttpResult>> WebhookAsync(HttpRequest request, StripeWebhook webhook, CancellationToken cancellationToken)
    {
        // The signature covers the bytes as sent, so the body is read raw, never parsed and re-serialized first.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var result = await webhook.HandleAsync(buffer.ToArray(), request.Headers[StripeSignature.Header], cancellationToken);
        return result.Accepted ? TypedResults.Ok() : Problems.Of(ErrorCodes.ValidationFailed, result.Detail);
    }
}
