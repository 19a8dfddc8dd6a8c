-- The lock an owner was last emailed about (its end), so each lock sends one email however many attempts follow (ADR 0031).
ALTER TABLE identity.sign_in_failures ADD COLUMN lock_emailed_for timestamp with time zone NULL;
