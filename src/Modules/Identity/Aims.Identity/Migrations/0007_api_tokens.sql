-- Personal access tokens for integrations: only the SHA-256 of each secret is kept, with its scopes and expiry.
CREATE TABLE identity.api_tokens (
    id           uuid                     NOT NULL,
    user_id      uuid                     NOT NULL,
    name         character varying(60)    NOT NULL,
    hint         character varying(16)    NOT NULL,
    secret_hash  bytea                    NOT NULL,
    scopes       text[]                   NOT NULL,
    created_at   timestamp with time zone NOT NULL,
    expires_at   timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone NULL,
    revoked_at   timestamp with time zone NULL,
    CONSTRAINT pk_api_tokens PRIMARY KEY (id),
    CONSTRAINT fk_api_tokens_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES identity.asp_net_users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_api_tokens_secret_hash ON identity.api_tokens (secret_hash);
CREATE INDEX ix_api_tokens_user_id ON identity.api_tokens (user_id);
