using System.ComponentModel.DataAnnotations;

namespace Platform.Api;

public sealed class ApiOptions
{
    public const string SectionName = "Platform:Api";

    /// <summary>Origins allowed to call the API and the hub from a browser; none means same-origin only.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Largest request body accepted; larger ones get 413 <c>validation_failed</c>.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Auth requests (register, login, refresh, join, ...) per minute from one address.</summary>
    [Range(1, 1_000_000)]
    public int AuthRequestsPerMinutePerAddress { get; set; } = 60;

    /// <summary>Auth requests per minute from one signed-in user.</summary>
    [Range(1, 1_000_000)]
    public int AuthRequestsPerMinutePerUser { get; set; } = 30;

    /// <summary>Members who may import questions into the quiz's bank.</summary>
    public string[] AdminUsernames { get; set; } = [];

    /// <summary>
    /// Threads that write one grain event to the connections following it at once (each takes a share of them);
    /// a connection gets its events in order either way.
    /// </summary>
    [Range(1, 64)]
    public int FanOutLanes { get; set; } = Environment.ProcessorCount;

    /// <summary>Offers the hub methods the load program compares the grain path with; never on in production.</summary>
    public bool EnableLoadTestHub { get; set; }
}
