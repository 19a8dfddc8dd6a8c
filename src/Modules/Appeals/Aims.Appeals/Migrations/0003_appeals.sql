-- The appeal list: one row per appeal, rewritten from the appeal's events in the same transaction as each append.
CREATE TABLE appeals.appeal_summaries (
    id                 uuid        PRIMARY KEY,
    case_number        text        NOT NULL UNIQUE,
    kind               text        NOT NULL,
    status             text        NOT NULL,
    appellant_name     text        NOT NULL,
    action_type        text        NOT NULL,
    provider_id        uuid,
    agency_id          uuid,
    filed_by           uuid        NOT NULL,
    filed_on           date        NOT NULL,
    timely             boolean     NOT NULL,
    expedited          boolean     NOT NULL,
    closed             boolean     NOT NULL,
    next_deadline      date,
    next_deadline_what text,
    next_step          text,
    version            bigint      NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX appeal_summaries_provider ON appeals.appeal_summaries (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX appeal_summaries_agency ON appeals.appeal_summaries (agency_id) WHERE agency_id IS NOT NULL;
CREATE INDEX appeal_summaries_filed_by ON appeals.appeal_summaries (filed_by);

-- Case numbers: a sequence per kind, so numbers never repeat and filings never wait on each other. A rolled-back
-- filing leaves a gap, which the division accepts (ADR 0016).
CREATE SEQUENCE appeals.case_numbers_pi;
CREATE SEQUENCE appeals.case_numbers_pf;
CREATE SEQUENCE appeals.case_numbers_cl;

-- One appeal per filing key and person: a double click, a retried request or a resubmitted draft finds the first.
CREATE TABLE appeals.filing_keys (
    user_id    uuid        NOT NULL,
    key        text        NOT NULL,
    appeal_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- Saved, unsent appeal forms; removed when the appeal is filed.
CREATE TABLE appeals.drafts (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL,
    form       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX drafts_user ON appeals.drafts (user_id, updated_at DESC);
