-- Identity claims (ADR 0029): a Medicaid ID on a client profile or an NPI on a provider profile grants nothing until
-- the Appeals Division or an imported roster verifies it. One live (pending or verified) claim per identifier and per
-- profile; denied, revoked and replaced claims stay as history.
CREATE TABLE registration.identity_claims (
    id              uuid                     NOT NULL,
    kind            text                     NOT NULL,
    identifier      character varying(12)    NOT NULL,
    subject_id      uuid                     NOT NULL,
    claimant_id     uuid                     NOT NULL,
    status          text                     NOT NULL,
    evidence        text                     NULL,
    submitted_at    timestamp with time zone NOT NULL,
    decided_at      timestamp with time zone NULL,
    decided_by      uuid                     NULL,
    method          text                     NULL,
    reason          text                     NULL,
    code_hash       bytea                    NULL,
    code_expires_at timestamp with time zone NULL,
    code_attempts   integer                  NOT NULL DEFAULT 0,
    CONSTRAINT pk_identity_claims PRIMARY KEY (id),
    CONSTRAINT ck_identity_claims_kind CHECK (kind IN ('MedicaidId', 'Npi')),
    CONSTRAINT ck_identity_claims_status CHECK (status IN ('Pending', 'Verified', 'Denied', 'Revoked', 'Replaced'))
);

CREATE UNIQUE INDEX ux_identity_claims_live_identifier ON registration.identity_claims (kind, identifier) WHERE status IN ('Pending', 'Verified');
CREATE UNIQUE INDEX ux_identity_claims_live_subject ON registration.identity_claims (kind, subject_id) WHERE status IN ('Pending', 'Verified');
CREATE INDEX ix_identity_claims_status_submitted_at ON registration.identity_claims (status, submitted_at);

-- The claims decide now; a denied or revoked profile keeps its identifier without blocking the rightful claimant.
DROP INDEX registration.ix_client_profiles_medicaid_id;
CREATE INDEX ix_client_profiles_medicaid_id ON registration.client_profiles (medicaid_id);
DROP INDEX registration.ix_providers_npi;
CREATE INDEX ix_providers_npi ON registration.providers (npi);

-- Profiles made before claims existed were never checked: they wait in the review queue like new ones.
INSERT INTO registration.identity_claims (id, kind, identifier, subject_id, claimant_id, status, submitted_at)
SELECT gen_random_uuid(), 'MedicaidId', medicaid_id, user_id, user_id, 'Pending', created_at FROM registration.client_profiles;
INSERT INTO registration.identity_claims (id, kind, identifier, subject_id, claimant_id, status, submitted_at)
SELECT gen_random_uuid(), 'Npi', p.npi, p.id,
       (SELECT m.user_id FROM registration.provider_members m WHERE m.provider_id = p.id AND m.is_administrator ORDER BY m.joined_at LIMIT 1),
       'Pending', p.created_at
FROM registration.providers p
WHERE EXISTS (SELECT 1 FROM registration.provider_members m WHERE m.provider_id = p.id AND m.is_administrator);

-- Rosters an administrator imports; a claim that matches one is verified without waiting for review.
CREATE TABLE registration.member_roster (
    medicaid_id   character varying(12)    NOT NULL,
    full_name     text                     NOT NULL,
    date_of_birth date                     NOT NULL,
    imported_at   timestamp with time zone NOT NULL,
    CONSTRAINT pk_member_roster PRIMARY KEY (medicaid_id)
);

CREATE TABLE registration.provider_roster (
    npi           character varying(10)    NOT NULL,
    name          text                     NOT NULL,
    contact_email text                     NOT NULL,
    imported_at   timestamp with time zone NOT NULL,
    CONSTRAINT pk_provider_roster PRIMARY KEY (npi)
);
