-- Documents that arrived while clamd was down wait in quarantine ('Pending') until a later scan gives the verdict;
-- scanned_at says when a verdict was given (ADR 0033).
ALTER TABLE documents.documents ADD COLUMN scanned_at timestamptz;
UPDATE documents.documents SET scanned_at = uploaded_at WHERE scan_status IN ('Clean', 'Infected');
CREATE INDEX documents_pending_scan ON documents.documents (uploaded_at) WHERE scan_status = 'Pending';
