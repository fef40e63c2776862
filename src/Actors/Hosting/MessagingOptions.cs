using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Hosting;

/// <summary>How calls between grains behave. Section <c>Platform:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Platform:Messaging";

    /// <summary>How long a caller waits for an answer (Orleans: 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When grain A calls B and B calls back A, let the call into A run even though A is busy: it is busy
    /// waiting for exactly this chain. When false, such a call fails at once with a
    /// <see cref="DeadlockException"/> that names the chain, instead of hanging until the response timeout.
    /// </summary>
    public bool AllowCallChainReentrancy { get; set; } = true;
}
