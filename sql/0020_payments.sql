-- Tip orders. The order grain owns its row and is its only writer; the status guard in its updates keeps a paid
-- order paid even if a stale writer ever slipped through.
CREATE TABLE payment_orders (
    id                uuid        PRIMARY KEY,
    user_id           uuid        NOT NULL,
    cafe_id           uuid        NOT NULL,
    amount_cents      bigint      NOT NULL,
    currency          text        NOT NULL,
    status            text        NOT NULL,
    payment_intent_id text        NULL,
    failure_reason    text        NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE INDEX payment_orders_by_user ON payment_orders (user_id, created_at DESC);
CREATE UNIQUE INDEX payment_orders_by_intent ON payment_orders (payment_intent_id) WHERE payment_intent_id IS NOT NULL;

-- Every Stripe event the webhook accepted, by Stripe's event id: a redelivery finds its row and is acknowledged
-- without being applied again. processed_at stays null until the event was applied, so a delivery that failed
-- halfway is applied by the next one.
CREATE TABLE stripe_events (
    id           text        PRIMARY KEY,
    type         text        NOT NULL,
    received_at  timestamptz NOT NULL,
    processed_at timestamptz NULL
);
