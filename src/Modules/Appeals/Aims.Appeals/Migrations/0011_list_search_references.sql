-- "My appeals" and the agency's list search by claim or adjustment reference (ADR 0037): an informal appeal's disputed
-- items' references, upper-cased, on its list row. The projection writes them from now on; rows already stored get
-- them from their filing event when the event store is there (on a fresh database it is created after this runs).
ALTER TABLE appeals.appeal_summaries ADD COLUMN claim_references text[] NOT NULL DEFAULT '{}';
DO $$
BEGIN
    IF to_regclass('appeals.mt_events') IS NOT NULL THEN
        UPDATE appeals.appeal_summaries s
        SET claim_references = ARRAY(SELECT DISTINCT upper(btrim(item->>'reference')) FROM jsonb_array_elements(e.data->'items') item)
        FROM appeals.mt_events e
        WHERE e.stream_id = s.id AND jsonb_typeof(e.data->'items') = 'array';
    END IF;
END $$;
