using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Persistence;

/// <summary>The PostgreSQL database that holds grain state, reminders and the cluster. Section <c>Platform:Postgres</c>.</summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Platform:Postgres";

    [Required(ErrorMessage = "Platform:Postgres:ConnectionString is required (environment: Platform__Postgres__ConnectionString).")]
    public string ConnectionString { get; set; } = "";
}
