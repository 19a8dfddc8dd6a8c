-- Authorized representatives a client has linked to their profile (by an emailed invitation the representative accepts).
CREATE TABLE registration.client_representatives (
    client_user_id         uuid                     NOT NULL,
    representative_user_id uuid                     NOT NULL,
    name                   text                     NOT NULL,
    email                  text                     NOT NULL,
    linked_at              timestamp with time zone NOT NULL,
    CONSTRAINT pk_client_representatives PRIMARY KEY (client_user_id, representative_user_id),
    CONSTRAINT fk_client_representatives_client_profiles_client_user_id FOREIGN KEY (client_user_id) REFERENCES registration.client_profiles (user_id) ON DELETE CASCADE
);

CREATE INDEX ix_client_representatives_representative_user_id ON registration.client_representatives (representative_user_id);

CREATE TABLE registration.client_representative_invitations (
    id               uuid                     NOT NULL,
    client_user_id   uuid                     NOT NULL,
    email            text                     NOT NULL,
    normalized_email character varying(256)   NOT NULL,
    token_hash       bytea                    NOT NULL,
    expires_at       timestamp with time zone NOT NULL,
    accepted_at      timestamp with time zone NULL,
    CONSTRAINT pk_client_representative_invitations PRIMARY KEY (id),
    CONSTRAINT fk_client_representative_invitations_client_profiles_client_user_id FOREIGN KEY (client_user_id) REFERENCES registration.client_profiles (user_id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_client_representative_invitations_token_hash ON registration.client_representative_invitations (token_hash);
CREATE INDEX ix_client_representative_invitations_client_user_id ON registration.client_representative_invitations (client_user_id);
