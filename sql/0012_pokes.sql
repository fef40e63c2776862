-- Pokes, one row each. The poke grain of the pair owns them; the table is for finding a poke by id and for
-- the pending and sent lists.
CREATE TABLE pokes (
    id              uuid        PRIMARY KEY,
    from_user       uuid        NOT NULL,
    to_user         uuid        NOT NULL,
    shared_interest text        NOT NULL,
    status          text        NOT NULL,
    channel_id      uuid        NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);

CREATE INDEX pokes_to_user ON pokes (to_user, created_at DESC);
CREATE INDEX pokes_from_user ON pokes (from_user, created_at DESC);
