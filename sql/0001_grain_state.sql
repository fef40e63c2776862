-- Grain state: one row per grain and state name. The version is the etag: every write must name the
-- version it read, and bumps it. A cleared state keeps its row (payload null) so the version keeps counting.
create table grain_state (
    grain_type  text        not null,
    grain_key   text        not null,
    state_name  text        not null,
    payload     jsonb,
    version     integer     not null,
    modified_at timestamptz not null default now(),
    primary key (grain_type, grain_key, state_name)
);
