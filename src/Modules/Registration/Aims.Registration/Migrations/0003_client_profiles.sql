-- Client appellants' own details: one profile per account and per Medicaid ID.
CREATE TABLE registration.client_profiles (
    user_id       uuid                     NOT NULL,
    full_name     text                     NOT NULL,
    date_of_birth date                     NOT NULL,
    medicaid_id   character varying(12)    NOT NULL,
    street        text                     NOT NULL,
    city          text                     NOT NULL,
    state         text                     NOT NULL,
    zip           text                     NOT NULL,
    phone         text                     NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    updated_at    timestamp with time zone NOT NULL,
    CONSTRAINT pk_client_profiles PRIMARY KEY (user_id)
);

CREATE UNIQUE INDEX ix_client_profiles_medicaid_id ON registration.client_profiles (medicaid_id);
