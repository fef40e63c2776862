namespace Platform.Actors.Persistence.Migrations;

/// <summary>The database schema and the scripts in this build disagree, so the process must not start.</summary>
public sealed class DatabaseMigrationException : Exception
{
    public DatabaseMigrationException()
    {
    }

    public DatabaseMigrationException(string message)
        : base(message)
    {
    }

    public DatabaseMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
