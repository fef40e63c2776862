namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// The statements behind grain state writes. A write carries the version it expects to create (the
/// version it read, plus one): the upsert inserts it when no row exists, and otherwise updates only a row
/// still at the version before. No row returned means the etag moved. A write that expects an existing
/// row (version above 1) inserts nothing when the row is missing, so it conflicts instead of resurrecting it.
/// </summary>
internal static class GrainStateSql
{
    public const string WriteOne = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version)
        SELECT $1, $2, $3, $4, $5
        WHERE $5 = 1 OR EXISTS (SELECT 1 FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3)
        ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE
        SET payload = excluded.payload, version = excluded.version, modified_at = now()
        WHERE grain_state.version = excluded.version - 1
        RETURNING version
        """;

    /// <summary>The same for many rows in one statement; each row keeps its own check. Rows must be distinct.</summary>
    public const string WriteMany = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version)
        SELECT w.grain_type, w.grain_key, w.state_name, w.payload, w.version
        FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::int[]) AS w(grain_type, grain_key, state_name, payload, version)
        WHERE w.version = 1 OR EXISTS (
            SELECT 1 FROM grain_state s
            WHERE s.grain_type = w.grain_type AND s.grain_key = w.grain_key AND s.state_name = w.state_name)
        ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE
        SET payload = excluded.payload, version = excluded.version, modified_at = now()
        WHERE grain_state.version = excluded.version - 1
        RETURNING grain_type, grain_key, state_name, version
        """;

    public const string ReadVersions = """
        SELECT s.grain_type, s.grain_key, s.state_name, s.version
        FROM grain_state s
        JOIN unnest($1::text[], $2::text[], $3::text[]) AS w(grain_type, grain_key, state_name)
          ON s.grain_type = w.grain_type AND s.grain_key = w.grain_key AND s.state_name = w.state_name
        """;

    public const string Read = """
        SELECT payload, version FROM grain_state
        WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3
        """;
}
