-- The hand-written event store's tables (ADR 0005, superseded by ADR 0034). Kept so that the scripts after it, which
-- read them, apply in order on a new database; migrate then moves their rows into Marten's tables and drops them.
CREATE TABLE appeals.streams (
    id         uuid        PRIMARY KEY,
    type       text        NOT NULL,
    version    bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE appeals.events (
    seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    stream_id      uuid        NOT NULL REFERENCES appeals.streams (id),
    version        bigint      NOT NULL,
    type           text        NOT NULL,
    data           jsonb       NOT NULL,
    timestamp      timestamptz NOT NULL,
    actor          text        NULL,
    correlation_id text        NULL,
    causation_id   text        NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
