using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.StripeFake;

/// <summary>
/// A stand-in for Stripe's PaymentIntents API on a local Kestrel port: Stripe's shapes, errors and idempotent
/// replays, <c>pm_card_visa</c> / <c>pm_card_chargeDeclined</c> for cards that pay or are declined, and signed
/// webhooks with retries when an intent is paid, declined or canceled. Tests drive it through this class; a person
/// running the silo can pay an intent with <c>POST /_fake/payment_intents/{id}/pay</c>.
/// </summary>
public sealed class StripeFakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StripeFakeOptions _options;
    private readonly FakeLedger _ledger;
    private readonly WebhookSender _webhooks;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private readonly ConcurrentDictionary<Task, bool> _deliveries = new();
    private int _createRequests;

    private StripeFakeServer(WebApplication app, StripeFakeOptions options)
    {
        _app = app;
        _options = options;
        _ledger = new FakeLedger(options.Time);
        _webhooks = new WebhookSender(_http, options);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string SecretKey => _options.SecretKey;

    /// <summary>Where events go; settable after start, when the API that receives them knows its own address.</summary>
    public Uri? WebhookUrl
    {
        get => _webhooks.Url;
        set => _webhooks.Url = value;
    }

    /// <summary>The secrets deliveries are signed with, one <c>v1</c> each; change it to rotate.</summary>
    public IReadOnlyList<string> WebhookSecrets
    {
        get => _webhooks.Secrets;
        set => _webhooks.Secrets = value;
    }

    /// <summary>Create requests received, replays and failures included.</summary>
    public int CreateRequests => Volatile.Read(ref _createRequests);

    public int IntentCount => _ledger.IntentCount;

    public IReadOnlyList<WebhookDelivery> Deliveries => _webhooks.Deliveries;

    public static async Task<StripeFakeServer> StartAsync(StripeFakeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StripeFakeOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        var server = new StripeFakeServer(builder.Build(), options);
        server.MapEndpoints();
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>The next <paramref name="count"/> API requests fail with <paramref name="status"/>, before or after taking effect.</summary>
    public void FailNext(int count, int status = StatusCodes.Status500InternalServerError, bool afterProcessing = false)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(new FakeFault(status, afterProcessing));
    }

    /// <summary>The customer paid: the intent succeeds and <c>payment_intent.succeeded</c> is delivered (awaited, retries included).</summary>
    public Task<FakeEvent> PayAsync(string intentId, CancellationToken cancellationToken = default) => SettleAsync(intentId, paid: true, cancellationToken);

    /// <summary>The customer's card was declined: <c>payment_intent.payment_failed</c> is delivered.</summary>
    public Task<FakeEvent> DeclineAsync(string intentId, CancellationToken cancellationToken = default) => SettleAsync(intentId, paid: false, cancellationToken);

    /// <summary>Delivers an event again, as Stripe does when it did not see an acknowledgement; true once acknowledged.</summary>
    public Task<bool> ResendAsync(FakeEvent stripeEvent, CancellationToken cancellationToken = default) =>
        _webhooks.DeliverAsync(stripeEvent, cancellationToken);

    /// <summary>Signs a payload as a delivery would be signed, for tests that craft their own deliveries.</summary>
    public static string Sign(string payload, DateTimeOffset at, IEnumerable<string> secrets) =>
        WebhookSender.Sign(payload, at.ToUnixTimeSeconds(), secrets);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_deliveries.Keys);
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task<FakeEvent> SettleAsync(string intentId, bool paid, CancellationToken cancellationToken)
    {
        var stripeEvent = _ledger.Settle(intentId, paid) ?? throw new ArgumentException($"No such payment_intent: '{intentId}'", nameof(intentId));
        await _webhooks.DeliverAsync(stripeEvent, cancellationToken);
        return stripeEvent;
    }

    private void MapEndpoints()
    {
        _app.MapPost("/v1/payment_intents", async context =>
        {
            Interlocked.Increment(ref _createRequests);
            if (Refusal(context, out var fault) is { } refused)
            {
                await WriteAsync(context, refused);
                return;
            }

            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : FormCollection.Empty;
            var (response, replayed, stripeEvent) = _ledger.Create(form, context.Request.Headers["Idempotency-Key"].FirstOrDefault());
            if (replayed) context.Response.Headers["Idempotent-Replayed"] = "true";
            Deliver(stripeEvent);
            await WriteAsync(context, fault is { AfterProcessing: true } ? FakeErrors.ServerError() with { Status = fault.Status } : response);
        });
        _app.MapGet("/v1/payment_intents/{id}", async (HttpContext context, string id) =>
            await WriteAsync(context, Refusal(context, out _) ?? _ledger.Get(id)));
        _app.MapPost("/v1/payment_intents/{id}/cancel", async (HttpContext context, string id) =>
        {
            if (Refusal(context, out _) is { } refused)
            {
                await WriteAsync(context, refused);
                return;
            }

            var (response, stripeEvent) = _ledger.Cancel(id);
            Deliver(stripeEvent);
            await WriteAsync(context, response);
        });
        _app.MapPost("/_fake/payment_intents/{id}/pay", (string id) => Control(id, paid: true));
        _app.MapPost("/_fake/payment_intents/{id}/decline", (string id) => Control(id, paid: false));
    }

    private async Task<IResult> Control(string id, bool paid)
    {
        if (_ledger.Settle(id, paid) is not { } stripeEvent) return Results.NotFound();
        var delivered = await _webhooks.DeliverAsync(stripeEvent);
        return Results.Ok(new { eventId = stripeEvent.Id, delivered });
    }

    /// <summary>The answer to give instead of processing: a wrong key, or a fault queued to strike before processing.</summary>
    private FakeResponse? Refusal(HttpContext context, out FakeFault? fault)
    {
        fault = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        var key = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        if (key != _options.SecretKey) return FakeErrors.Unauthorized(key);
        if (!_faults.TryDequeue(out fault)) return null;
        return fault.AfterProcessing ? null : FakeErrors.ServerError() with { Status = fault.Status };
    }

    // Stripe sends events on its own schedule, not within the request that caused them.
    private void Deliver(FakeEvent? stripeEvent)
    {
        if (stripeEvent is null) return;
        var delivery = Task.Run(() => _webhooks.DeliverAsync(stripeEvent));
        _deliveries[delivery] = true;
        delivery.ContinueWith(done => _deliveries.TryRemove(done, out _), TaskScheduler.Default);
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = StripeIds.New("req");
        await context.Response.WriteAsync(response.Body);
    }
}
