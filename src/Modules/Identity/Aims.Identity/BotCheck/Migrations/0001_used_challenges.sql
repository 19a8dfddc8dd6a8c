-- A solved challenge is accepted once: its row stays until the challenge would have expired anyway.
CREATE TABLE botcheck.used_challenges (
    challenge  text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_challenges_expires ON botcheck.used_challenges (expires_at);
