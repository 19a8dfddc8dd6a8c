-- The account audit trail: every sign-in, failure, lock, code and credential change, with time, IP and user agent.
CREATE TABLE identity.security_events (
    id               uuid                     NOT NULL,
    user_id          uuid                     NULL,
    normalized_email text                     NULL,
    kind             text                     NOT NULL,
    occurred_at      timestamp with time zone NOT NULL,
    ip_address       text                     NULL,
    user_agent       character varying(512)   NULL,
    detail           text                     NULL,
    CONSTRAINT pk_security_events PRIMARY KEY (id)
);

CREATE INDEX ix_security_events_user_id_occurred_at ON identity.security_events (user_id, occurred_at);
CREATE INDEX ix_security_events_occurred_at ON identity.security_events (occurred_at);
