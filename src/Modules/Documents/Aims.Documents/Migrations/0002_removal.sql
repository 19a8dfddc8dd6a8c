-- Retention: an administrator removes a document's content; the row stays as the record of who removed it, when and why.
ALTER TABLE documents.documents
    ADD COLUMN removed_at      timestamptz,
    ADD COLUMN removed_by_name text,
    ADD COLUMN removed_reason  text;
