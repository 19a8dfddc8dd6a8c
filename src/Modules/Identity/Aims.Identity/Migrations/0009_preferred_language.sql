-- The language a person reads the portal in, for the emails composed away from their request (ADR 0025). NULL is English.
ALTER TABLE identity.asp_net_users
    ADD COLUMN preferred_language text,
    ADD CONSTRAINT ck_asp_net_users_preferred_language CHECK (preferred_language IN ('en', 'es'));
