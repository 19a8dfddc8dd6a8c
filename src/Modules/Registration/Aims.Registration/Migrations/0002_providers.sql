-- Provider organizations' profiles, the users who act for them, and emailed invitations (hash only).
CREATE TABLE registration.providers (
    id                   uuid                     NOT NULL,
    name                 text                     NOT NULL,
    npi                  character varying(10)    NOT NULL,
    medicaid_provider_id text                     NOT NULL,
    street               text                     NOT NULL,
    city                 text                     NOT NULL,
    state                text                     NOT NULL,
    zip                  text                     NOT NULL,
    contact_name         text                     NOT NULL,
    contact_phone        text                     NOT NULL,
    contact_email        text                     NOT NULL,
    in_mco_network       boolean                  NOT NULL,
    created_at           timestamp with time zone NOT NULL,
    CONSTRAINT pk_providers PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_providers_npi ON registration.providers (npi);

CREATE TABLE registration.provider_members (
    provider_id      uuid                     NOT NULL,
    user_id          uuid                     NOT NULL,
    name             text                     NOT NULL,
    email            text                     NOT NULL,
    is_administrator boolean                  NOT NULL,
    joined_at        timestamp with time zone NOT NULL,
    CONSTRAINT pk_provider_members PRIMARY KEY (provider_id, user_id),
    CONSTRAINT fk_provider_members_providers_provider_id FOREIGN KEY (provider_id) REFERENCES registration.providers (id) ON DELETE CASCADE
);

CREATE INDEX ix_provider_members_user_id ON registration.provider_members (user_id);

CREATE TABLE registration.provider_invitations (
    id               uuid                     NOT NULL,
    provider_id      uuid                     NOT NULL,
    email            text                     NOT NULL,
    normalized_email character varying(256)   NOT NULL,
    token_hash       bytea                    NOT NULL,
    expires_at       timestamp with time zone NOT NULL,
    invited_by       uuid                     NOT NULL,
    accepted_at      timestamp with time zone NULL,
    CONSTRAINT pk_provider_invitations PRIMARY KEY (id),
    CONSTRAINT fk_provider_invitations_providers_provider_id FOREIGN KEY (provider_id) REFERENCES registration.providers (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_provider_invitations_token_hash ON registration.provider_invitations (token_hash);
CREATE INDEX ix_provider_invitations_provider_id ON registration.provider_invitations (provider_id);
