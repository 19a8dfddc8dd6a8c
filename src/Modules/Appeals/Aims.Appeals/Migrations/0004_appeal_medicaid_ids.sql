-- A client appeal's Medicaid ID on its list row: the client and the representatives they linked find it by that ID.
ALTER TABLE appeals.appeal_summaries ADD COLUMN medicaid_id text;
UPDATE appeals.appeal_summaries s SET medicaid_id = e.data->>'medicaidId'
FROM appeals.events e WHERE e.stream_id = s.id AND e.type = 'ClientAppealFiled';
CREATE INDEX appeal_summaries_medicaid_id ON appeals.appeal_summaries (medicaid_id) WHERE medicaid_id IS NOT NULL;
