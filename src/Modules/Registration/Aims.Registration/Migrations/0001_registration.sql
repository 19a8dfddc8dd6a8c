-- Agency and contractor access requests, the agencies they are approved into, and those agencies' coordinators.
CREATE TABLE registration.agencies (
    id         uuid                     NOT NULL,
    name       text                     NOT NULL,
    type       text                     NOT NULL,
    street     text                     NOT NULL,
    city       text                     NOT NULL,
    state      text                     NOT NULL,
    zip        text                     NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agencies PRIMARY KEY (id)
);

CREATE TABLE registration.access_requests (
    id                uuid                     NOT NULL,
    agency_type       text                     NOT NULL,
    agency_name       text                     NOT NULL,
    street            text                     NOT NULL,
    city              text                     NOT NULL,
    state             text                     NOT NULL,
    zip               text                     NOT NULL,
    requester_name    text                     NOT NULL,
    email             text                     NOT NULL,
    normalized_email  character varying(256)   NOT NULL,
    phone             text                     NOT NULL,
    supervisor_name   text                     NOT NULL,
    supervisor_phone  text                     NOT NULL,
    mobile            text                     NULL,
    submitted_at      timestamp with time zone NOT NULL,
    status_token_hash bytea                    NOT NULL,
    status            text                     NOT NULL,
    decided_at        timestamp with time zone NULL,
    decided_by        uuid                     NULL,
    denial_reason     text                     NULL,
    agency_id         uuid                     NULL,
    CONSTRAINT pk_access_requests PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ux_access_requests_pending_email ON registration.access_requests (normalized_email) WHERE status = 'Pending';
CREATE INDEX ix_access_requests_status_submitted_at ON registration.access_requests (status, submitted_at);
CREATE UNIQUE INDEX ix_access_requests_status_token_hash ON registration.access_requests (status_token_hash);

CREATE TABLE registration.agency_coordinators (
    user_id        uuid                     NOT NULL,
    agency_id      uuid                     NOT NULL,
    name           text                     NOT NULL,
    email          text                     NOT NULL,
    activated_at   timestamp with time zone NOT NULL,
    deactivated_at timestamp with time zone NULL,
    CONSTRAINT pk_agency_coordinators PRIMARY KEY (user_id),
    CONSTRAINT fk_agency_coordinators_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES registration.agencies (id) ON DELETE CASCADE
);

CREATE INDEX ix_agency_coordinators_agency_id ON registration.agency_coordinators (agency_id);
