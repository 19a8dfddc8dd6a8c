-- One-time codes: only a salted HMAC of the digits is kept; a code belongs to one attempt and one purpose.
CREATE TABLE identity.one_time_codes (
    id         uuid                     NOT NULL,
    user_id    uuid                     NOT NULL,
    attempt_id uuid                     NOT NULL,
    purpose    text                     NOT NULL,
    channel    text                     NOT NULL,
    salt       bytea                    NOT NULL,
    hash       bytea                    NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    state      text                     NOT NULL,
    CONSTRAINT pk_one_time_codes PRIMARY KEY (id),
    CONSTRAINT fk_one_time_codes_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES identity.asp_net_users (id) ON DELETE CASCADE
);

CREATE INDEX ix_one_time_codes_attempt_id_purpose ON identity.one_time_codes (attempt_id, purpose);
CREATE INDEX ix_one_time_codes_user_id ON identity.one_time_codes (user_id);
