-- Lobbies as the public list shows them. Each lobby grain keeps its own row current, so listing the open
-- lobbies is one indexed query instead of a call to every lobby.
CREATE TABLE lobbies (
    code         text        PRIMARY KEY,
    id           uuid        NOT NULL,
    name         text        NOT NULL,
    host_id      uuid        NOT NULL,
    host_name    text        NOT NULL,
    status       text        NOT NULL,
    is_private   boolean     NOT NULL,
    category     text        NULL,
    player_count integer     NOT NULL,
    max_players  integer     NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE INDEX lobbies_open ON lobbies (updated_at DESC) WHERE status = 'waiting' AND NOT is_private;
