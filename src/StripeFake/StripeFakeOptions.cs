namespace Platform.StripeFake;

/// <summary>How the fake listens, which key it accepts, where it delivers webhooks and how it signs and retries them.</summary>
public sealed class StripeFakeOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string SecretKey { get; set; } = "sk_test_platform_fake";

    /// <summary>Where events are posted; may also be set on the server once the receiving API has its address.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Each delivery carries one <c>v1</c> signature per secret, as Stripe does while a secret rotates.</summary>
    public IReadOnlyList<string> WebhookSecrets { get; set; } = ["whsec_platform_fake"];

    /// <summary>Delivery attempts per event before giving up (Stripe keeps trying for days; a test does not).</summary>
    public int WebhookAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; each later one waits twice as long.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The clock webhook signatures are timestamped with.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
