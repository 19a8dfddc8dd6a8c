ALTER TABLE identity.asp_net_users
    ADD COLUMN temporary_password_hash text,
    ADD COLUMN temporary_password_expires_at timestamp with time zone;
