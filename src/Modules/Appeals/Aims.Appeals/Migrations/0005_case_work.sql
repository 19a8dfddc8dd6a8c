-- The division's view of each appeal on its list row: who works it, the hearing, the agency's summary, the decision
-- clock now running and what intake should check — what the queues, the dashboard and the search read.
ALTER TABLE appeals.appeal_summaries
    ADD COLUMN npi              text,
    ADD COLUMN agency_name      text,
    ADD COLUMN flags            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN case_worker_id   uuid,
    ADD COLUMN case_worker_name text,
    ADD COLUMN decider_id       uuid,
    ADD COLUMN decider_name     text,
    ADD COLUMN hearing_at       timestamptz,
    ADD COLUMN summary_due      date,
    ADD COLUMN summary_filed_on date,
    ADD COLUMN clock_due        date,
    ADD COLUMN clock_name       text;
ALTER TABLE appeals.appeal_summaries ALTER COLUMN flags DROP DEFAULT;

-- Rows written before this migration: their provider, agency and first decision clock, from the filing event.
UPDATE appeals.appeal_summaries s SET
    npi = e.data->'provider'->>'npi',
    agency_name = e.data->'agency'->>'name',
    flags = CASE WHEN s.timely THEN '{}'::text[] ELSE '{Filed late}'::text[] END,
    clock_due = CASE WHEN s.closed THEN NULL ELSE COALESCE(e.data->>'decisionDue', e.data->>'recommendationDue')::date END,
    clock_name = CASE WHEN s.closed THEN NULL
                      WHEN e.type = 'InformalAppealFiled' THEN 'Informal decision (180 days)'
                      WHEN e.type = 'FormalAppealFiled' THEN 'Recommended decision (120 days)'
                      WHEN e.data->>'expedited' IS NOT NULL THEN 'Expedited decision'
                      ELSE 'Decision (90 days)' END
FROM appeals.events e
WHERE e.stream_id = s.id AND e.version = 1;

-- Intake: filed and not yet docketed, oldest first.
CREATE INDEX appeal_summaries_intake ON appeals.appeal_summaries (filed_on, case_number) WHERE status = 'Filed';
-- The deadline dashboard: open appeals by the day their clock runs out.
CREATE INDEX appeal_summaries_clock ON appeals.appeal_summaries (clock_due) WHERE NOT closed;
CREATE INDEX appeal_summaries_case_worker ON appeals.appeal_summaries (case_worker_id) WHERE case_worker_id IS NOT NULL;
CREATE INDEX appeal_summaries_decider ON appeals.appeal_summaries (decider_id) WHERE decider_id IS NOT NULL;
-- Search: NPI exactly, the appellant's name by its beginning, filing dates by range.
CREATE INDEX appeal_summaries_npi ON appeals.appeal_summaries (npi) WHERE npi IS NOT NULL;
CREATE INDEX appeal_summaries_appellant ON appeals.appeal_summaries (lower(appellant_name) text_pattern_ops);
CREATE INDEX appeal_summaries_filed_on ON appeals.appeal_summaries (filed_on DESC, case_number DESC);
