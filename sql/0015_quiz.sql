-- The question bank, and the results of finished games.
CREATE TABLE questions (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    category      text        NOT NULL,
    text          text        NOT NULL,
    options       text[]      NOT NULL CHECK (cardinality(options) BETWEEN 2 AND 6),
    correct_index integer     NOT NULL CHECK (correct_index >= 0 AND correct_index < cardinality(options)),
    points        integer     NOT NULL DEFAULT 1 CHECK (points > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (category, text)
);

CREATE INDEX questions_by_category ON questions (category);

CREATE TABLE games (
    id          uuid        PRIMARY KEY,
    lobby_code  text        NOT NULL,
    category    text        NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NULL,
    winner_id   uuid        NULL
);

CREATE TABLE game_players (
    game_id         uuid    NOT NULL REFERENCES games (id),
    user_id         uuid    NOT NULL,
    username        text    NOT NULL,
    score           integer NOT NULL,
    correct_answers integer NOT NULL,
    rank            integer NOT NULL,
    rating_before   integer NOT NULL,
    rating_after    integer NOT NULL,
    PRIMARY KEY (game_id, user_id)
);

-- Written before an answer is acknowledged, so a game whose silo restarts resumes with every answer it accepted.
CREATE TABLE game_answers (
    game_id        uuid        NOT NULL REFERENCES games (id),
    question_index integer     NOT NULL,
    user_id        uuid        NOT NULL,
    question_id    uuid        NOT NULL,
    option_index   integer     NOT NULL,
    correct        boolean     NOT NULL,
    points         integer     NOT NULL,
    millis_taken   integer     NOT NULL,
    answered_at    timestamptz NOT NULL,
    PRIMARY KEY (game_id, question_index, user_id)
);

-- Ratings for the leaderboard, kept current by the user grains after each game.
CREATE TABLE player_ratings (
    user_id      uuid        PRIMARY KEY,
    username     text        NOT NULL,
    rating       integer     NOT NULL,
    games_played integer     NOT NULL,
    games_won    integer     NOT NULL,
    total_score  bigint      NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE INDEX player_ratings_by_rating ON player_ratings (rating DESC);
