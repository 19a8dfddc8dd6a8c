-- "You Try" practice (ADR 0024): training appeals in a schema of their own, never in the appeal streams, the appeal
-- list or the documents store. Everything here is deleted nightly by the practice purge.

-- A practice appeal: its filing (and withdrawal) kept as the appeal events they would be, folded in memory by the same
-- Appeal aggregate real appeals use, so status, deadlines and next step read the same.
CREATE TABLE practice.appeals (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL,
    filing_key  text        NOT NULL,
    case_number text        NOT NULL,
    filed       jsonb       NOT NULL,
    withdrawn   jsonb,
    created_at  timestamptz NOT NULL,
    -- A double submit of the practice form files one practice appeal, as with real filing keys.
    UNIQUE (user_id, filing_key)
);
CREATE INDEX appeals_user ON practice.appeals (user_id, created_at DESC);

-- What a practice upload was: name, category and size. The content is never kept (nothing to scan, serve or leak).
CREATE TABLE practice.documents (
    id          uuid        PRIMARY KEY,
    appeal_id   uuid        NOT NULL REFERENCES practice.appeals (id) ON DELETE CASCADE,
    file_name   text        NOT NULL,
    category    text        NOT NULL,
    size_bytes  bigint      NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX documents_appeal ON practice.documents (appeal_id);

-- Scenarios a person completed, with the feedback they were given; the first completion stands.
CREATE TABLE practice.completions (
    user_id      uuid        NOT NULL,
    scenario     text        NOT NULL,
    feedback     text        NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, scenario)
);
