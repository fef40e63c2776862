-- The names members sign in with. The user grain owns the account; this table only makes email and
-- username unique across all of them (case-insensitively) and finds the user behind a login.
CREATE TABLE account_names (
    user_id    uuid        PRIMARY KEY,
    email      text        NOT NULL,
    username   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX account_names_email ON account_names (lower(email));
CREATE UNIQUE INDEX account_names_username ON account_names (lower(username));
