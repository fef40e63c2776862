-- Durable reminders: a reminder first fires at start_at, then every period. The version is the etag a
-- remove must match, so a stale caller cannot remove a reminder that was registered again since.
CREATE TABLE reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    start_at      timestamptz NOT NULL,
    period        interval    NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);
