-- Grain state: one row per grain and state name. The payload is the state as JSON; it becomes NULL when
-- the state is cleared, while the row stays so that its version keeps counting and a writer holding an
-- etag from before the clear still conflicts.
CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    payload     jsonb       NULL,
    version     integer     NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name)
)
-- Rows are rewritten on every write without touching the key, so leave room in each page for
-- heap-only (HOT) updates that skip the index.
WITH (fillfactor = 80);
