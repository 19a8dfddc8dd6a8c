-- Outbox and scheduled messages share one table: an outbox message is simply due now.
CREATE TABLE messaging.messages (
    id             uuid        PRIMARY KEY,
    type           text        NOT NULL,
    payload        jsonb       NOT NULL,
    key            text        NULL,
    due_at         timestamptz NOT NULL,
    status         smallint    NOT NULL DEFAULT 0,
    attempts       integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz NULL,
    locked_by      text        NULL,
    last_error     text        NULL,
    correlation_id text        NULL,
    causation_id   text        NULL,
    actor          text        NULL,
    created_at     timestamptz NOT NULL,
    completed_at   timestamptz NULL
);

CREATE INDEX messages_pending_due ON messaging.messages (due_at) WHERE status = 0;
CREATE UNIQUE INDEX messages_pending_key ON messaging.messages (key) WHERE status = 0;
CREATE INDEX messages_status_completed ON messaging.messages (status, completed_at);

-- One row per message and receiving handler: a redelivered message finds its row and is skipped.
CREATE TABLE messaging.inbox (
    message_id   uuid        NOT NULL,
    handler      text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, handler)
);
