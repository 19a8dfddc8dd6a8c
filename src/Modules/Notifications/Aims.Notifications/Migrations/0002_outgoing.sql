-- The record of emails and texts queued belongs to the module that sends them (ADR 0051). The messaging migrations run
-- first (the host registers that schema before the modules'), so the table exists here, fresh or upgraded: moved whole,
-- with its rows, keys, index and the identity that orders them, in the same transaction as every other migration.
ALTER TABLE messaging.outgoing SET SCHEMA notifications;
