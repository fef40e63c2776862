using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Persistence;

/// <summary>Where the PostgreSQL database is, bound from <c>Platform:Postgres</c> (env: <c>Platform__Postgres__ConnectionString</c>).</summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Platform:Postgres";

    [Required(ErrorMessage = "Platform:Postgres:ConnectionString is required, e.g. Host=localhost;Port=5432;Username=platform;Password=platform;Database=platform (./scripts/ensure-postgres.sh prints one).")]
    public string ConnectionString { get; set; } = "";
}
