-- Agency coordinators: the agency an account acts for, deactivation, and the 72-hour activation link (hash only).
ALTER TABLE identity.asp_net_users
    ADD COLUMN agency_id uuid,
    ADD COLUMN deactivated_at timestamp with time zone;

CREATE TABLE identity.account_activations (
    user_id    uuid                     NOT NULL,
    token_hash bytea                    NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at    timestamp with time zone NULL,
    CONSTRAINT pk_account_activations PRIMARY KEY (user_id),
    CONSTRAINT fk_account_activations_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES identity.asp_net_users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_account_activations_token_hash ON identity.account_activations (token_hash);
