-- Direct-message channels of two members, and their messages (append-only; deletion marks a row).
CREATE TABLE dm_channels (
    id              uuid        PRIMARY KEY,
    user_a          uuid        NOT NULL,
    user_a_name     text        NOT NULL,
    user_b          uuid        NOT NULL,
    user_b_name     text        NOT NULL,
    created_at      timestamptz NOT NULL,
    last_message_at timestamptz NULL
);

CREATE INDEX dm_channels_user_a ON dm_channels (user_a);
CREATE INDEX dm_channels_user_b ON dm_channels (user_b);

CREATE TABLE dm_messages (
    id         uuid        PRIMARY KEY,
    channel_id uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    username   text        NOT NULL,
    content    text        NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz NULL
);

CREATE INDEX dm_messages_by_channel ON dm_messages (channel_id, created_at DESC, id DESC);
