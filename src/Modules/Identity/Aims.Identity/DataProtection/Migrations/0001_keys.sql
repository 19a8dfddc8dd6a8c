-- The data-protection key ring (cookies, antiforgery, email tokens, bot-check challenges): every host instance reads
-- the same keys, and a restart does not sign everyone out.
CREATE TABLE dataprotection.keys (
    friendly_name text PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
