-- The language an access request was made in, so the approved coordinator's emails are in it (ADR 0027). NULL is English.
ALTER TABLE registration.access_requests
    ADD COLUMN language text,
    ADD CONSTRAINT ck_access_requests_language CHECK (language IN ('en', 'es'));
