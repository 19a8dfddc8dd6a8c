CREATE TABLE probe.notes (
    id   uuid PRIMARY KEY,
    text text NOT NULL
);

-- What the receiving handler saw: one row per delivered message, with the process that handled it.
CREATE TABLE probe.received (
    message_id     uuid    PRIMARY KEY,
    note_id        uuid    NULL,
    correlation_id text    NULL,
    process_id     integer NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE probe.counters (
    stream_id uuid    PRIMARY KEY,
    total     integer NOT NULL,
    events    integer NOT NULL
);
