-- Café chat, append-only: the café grain keeps only the last messages in memory, and history is read from here.
CREATE TABLE cafe_messages (
    id         uuid        PRIMARY KEY,
    cafe_id    uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    username   text        NOT NULL,
    content    text        NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz NULL
);

CREATE INDEX cafe_messages_by_cafe ON cafe_messages (cafe_id, created_at DESC);
