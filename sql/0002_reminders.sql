-- Durable reminders: each fires at start_at and then every period_ms, until removed.
create table reminders (
    grain_type    text        not null,
    grain_key     text        not null,
    reminder_name text        not null,
    start_at      timestamptz not null,
    period_ms     bigint      not null check (period_ms > 0),
    version       integer     not null,
    primary key (grain_type, grain_key, reminder_name)
);
