-- Scheduled work is Wolverine's (ADR 0041). Wolverine has no keys, so this table says which scheduled envelope is the
-- current one for a key ("appeal:{id}:remind:HearingSevenDays"): a moved or cancelled reminder's older envelope finds
-- itself no longer current on delivery and is dropped. The row goes in the same transaction as the change.
CREATE TABLE messaging.scheduled (
    key          text        PRIMARY KEY,
    envelope_id  uuid        NOT NULL UNIQUE,
    message_type text        NOT NULL,
    message      text        NOT NULL,
    due_at       timestamptz NOT NULL
);
