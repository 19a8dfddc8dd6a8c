-- Appeal documents: metadata and, with the PostgreSQL backend, the content in 1 MiB chunks written in the same
-- transaction, so an upload that fails or is cut off leaves neither a row nor a byte (ADR 0017).
CREATE TABLE documents.documents (
    id                 uuid        PRIMARY KEY,
    appeal_id          uuid        NOT NULL,
    category           text        NOT NULL,
    description        text,
    original_name      text        NOT NULL,
    safe_name          text        NOT NULL,
    content_type       text        NOT NULL,
    size_bytes         bigint      NOT NULL CHECK (size_bytes > 0),
    sha256             bytea       NOT NULL,
    storage            text        NOT NULL,
    chunk_bytes        integer     NOT NULL,
    scan_status        text        NOT NULL,
    scan_detail        text,
    uploaded_by        uuid        NOT NULL,
    uploaded_by_name   text        NOT NULL,
    uploaded_at        timestamptz NOT NULL,
    superseded_at      timestamptz,
    superseded_by_name text,
    superseded_reason  text
);
-- The same content twice on one appeal is one document.
CREATE UNIQUE INDEX documents_appeal_content ON documents.documents (appeal_id, sha256);
CREATE INDEX documents_appeal ON documents.documents (appeal_id, uploaded_at);

CREATE TABLE documents.chunks (
    document_id uuid    NOT NULL REFERENCES documents.documents (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq         integer NOT NULL,
    data        bytea   NOT NULL,
    PRIMARY KEY (document_id, seq)
);
-- Chunks are already compressed formats mostly (PDF, JPEG, DOCX): skip TOAST compression, keep out-of-line storage.
ALTER TABLE documents.chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Who downloaded what and when; a zip of an appeal records one row per document in it.
CREATE TABLE documents.downloads (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id   uuid        NOT NULL REFERENCES documents.documents (id),
    user_id       uuid        NOT NULL,
    downloaded_at timestamptz NOT NULL,
    as_zip        boolean     NOT NULL
);
CREATE INDEX downloads_document ON documents.downloads (document_id, downloaded_at);
