-- One failure counter per normalized email (account or not), for passwords and codes alike.
CREATE TABLE identity.sign_in_failures (
    normalized_email character varying(256)   NOT NULL,
    count            integer                  NOT NULL,
    locked_until     timestamp with time zone NULL,
    CONSTRAINT pk_sign_in_failures PRIMARY KEY (normalized_email)
);
