using Microsoft.Extensions.Logging;

namespace Platform.Actors.Persistence;

/// <summary>Log messages of the PostgreSQL persistence layer (event ids 1000-1099).</summary>
internal static partial class PostgresPersistenceLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Applying migration script {ScriptName}")]
    public static partial void ApplyingScript(this ILogger logger, string scriptName);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied migration script {ScriptName} in {ElapsedMilliseconds:F0} ms")]
    public static partial void AppliedScript(this ILogger logger, string scriptName, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database schema is up to date: {KnownScripts} scripts known, {AppliedNow} applied now")]
    public static partial void SchemaUpToDate(this ILogger logger, int knownScripts, int appliedNow);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Could not release the migration lock; the connection's reset releases it")]
    public static partial void MigrationUnlockFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "A batch of {WriteCount} grain state writes failed")]
    public static partial void WriteBatchFailed(this ILogger logger, Exception exception, int writeCount);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "{ConflictCount} of {WriteCount} grain state writes in a batch found their etag moved")]
    public static partial void WriteConflicts(this ILogger logger, int conflictCount, int writeCount);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Could not read back the stored versions of conflicting writes; they fail without StoredEtag")]
    public static partial void ConflictReadBackFailed(this ILogger logger, Exception exception);
}
