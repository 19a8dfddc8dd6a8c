-- Emails and texts are Wolverine messages (ADR 0047). AIMS keeps its own record of each: what was queued (the payload, for
-- the record and for tests), under which envelope (to name a dead letter's recipient), and when it went out.
CREATE TABLE messaging.outgoing (
    message_id  text        PRIMARY KEY,
    kind        text        NOT NULL,
    recipient   text        NOT NULL,
    subject     text        NULL,
    payload     jsonb       NOT NULL,
    envelope_id uuid        NOT NULL UNIQUE,
    queued_at   timestamptz NOT NULL,
    sent_at     timestamptz NULL,
    -- The order written in, which the clock (tests move it) cannot give: "the latest code sent" orders by this.
    written     bigint      GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX outgoing_sent ON messaging.outgoing (sent_at DESC) WHERE sent_at IS NOT NULL;
