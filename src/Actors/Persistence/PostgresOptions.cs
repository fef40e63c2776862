using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Persistence;

/// <summary>Where the PostgreSQL database is, bound from <c>Platform:Postgres</c> (env: <c>Platform__Postgres__ConnectionString</c>).</summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Platform:Postgres";

    [Required(ErrorMessage = "Platform:Postgres:ConnectionString is required, e.g. Host=localhost;Port=5432;Username=platform;Password=platform;Database=platform (./scripts/ensure-postgres.sh prints one).")]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Connections this process opens at most, unless the connection string says (<c>Maximum Pool Size</c>). Npgsql's
    /// own default, 100, is PostgreSQL's default <c>max_connections</c>: a burst of activations in one silo would take
    /// them all, and refuse everyone else. Beyond this many, requests wait for a connection to come free.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 32;
}
