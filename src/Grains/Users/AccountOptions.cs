using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Users;

/// <summary>The account rules of the contract's "Rules and their defaults".</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Platform:Accounts";

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    [Range(1, 100)]
    public int LockoutThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a session (its refresh tokens) lasts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a café guest's account lasts after joining.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan GuestLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Open sessions kept per user; signing in once more ends the oldest.</summary>
    [Range(1, 1000)]
    public int MaxSessionsPerUser { get; set; } = 20;

    /// <summary>Pokes one user may send in 24 hours.</summary>
    [Range(1, 1000)]
    public int PokesPerDay { get; set; } = 5;
}
