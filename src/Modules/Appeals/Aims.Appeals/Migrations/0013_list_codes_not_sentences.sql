-- The list row keeps codes, not sentences (ADR 0043): next_step, next_deadline_what, clock_name and flags hold the
-- names of the model's enum members, worded when shown in the reader's language. This rewrites rows written before;
-- it is the last time a change of wording needs a data migration.
UPDATE appeals.appeal_summaries SET next_step = CASE next_step
    WHEN 'Proof of authority is overdue: the Appeals Division may find the appeal invalid' THEN 'ProofOfAuthorityOverdue'
    WHEN 'The Appeals Division dockets the appeal; the agency files its case summary and an informal fact-finding conference is scheduled' THEN 'DocketThenConference'
    WHEN 'The Appeals Division dockets the appeal and schedules a hearing' THEN 'DocketThenHearing'
    WHEN 'The appellant may show good cause for missing the hearing; otherwise the case closes' THEN 'GoodCauseOrClose'
    WHEN 'The Appeals Division schedules the informal fact-finding conference' THEN 'ScheduleConference'
    WHEN 'The Appeals Division schedules the hearing' THEN 'ScheduleHearing'
    WHEN 'The informal fact-finding conference is scheduled; then the decision' THEN 'ConferenceThenDecision'
    WHEN 'The hearing is scheduled; then the decision' THEN 'HearingThenDecision'
    WHEN 'Exceptions may be filed; then the agency director issues the final decision' THEN 'ExceptionsThenFinalDecision'
    WHEN 'You may file a formal appeal of the informal decision' THEN 'FormalAppealPossible'
    ELSE NULL END
WHERE next_step IS NOT NULL;

UPDATE appeals.appeal_summaries SET next_deadline_what = CASE next_deadline_what
    WHEN 'Last day to petition to vacate the default' THEN 'PetitionToVacate'
    WHEN 'Last day to file exceptions to the recommended decision' THEN 'Exceptions'
    WHEN 'Last day to file a formal appeal' THEN 'FormalAppeal'
    WHEN 'Last day to take the decision further' THEN 'FurtherAppeal'
    WHEN 'Last day to show good cause for missing the hearing' THEN 'GoodCause'
    WHEN 'Proof of the representative''s authority due' THEN 'AuthorityProof'
    WHEN 'Agency''s case summary due' THEN 'CaseSummary'
    WHEN 'Informal decision due' THEN 'InformalDecision'
    WHEN 'Recommended decision due' THEN 'RecommendedDecision'
    WHEN 'Final decision due' THEN 'FinalDecision'
    WHEN 'Decision due' THEN 'Decision'
    WHEN 'Expedited decision due' THEN 'ExpeditedDecision'
    ELSE NULL END
WHERE next_deadline_what IS NOT NULL;

UPDATE appeals.appeal_summaries SET clock_name = CASE
    WHEN clock_name LIKE 'Informal decision (%' THEN 'InformalDecision'
    WHEN clock_name LIKE 'Recommended decision (%' THEN 'RecommendedDecision'
    WHEN clock_name LIKE 'Final decision (%' THEN 'FinalDecision'
    WHEN clock_name LIKE 'Decision (%' THEN 'ClientDecision'
    WHEN clock_name = 'Expedited decision (3 working days)' THEN 'ExpeditedServices'
    WHEN clock_name LIKE 'Expedited decision (%' THEN 'ExpeditedEligibility'
    ELSE NULL END
WHERE clock_name IS NOT NULL;

UPDATE appeals.appeal_summaries SET flags = ARRAY(
    SELECT CASE flag
        WHEN 'Filed late' THEN 'FiledLate'
        WHEN 'MCO appeal not exhausted' THEN 'McoAppealNotExhausted'
        WHEN 'Authority not proven' THEN 'AuthorityNotProven'
        WHEN 'Awaiting proof of authority' THEN 'AwaitingAuthorityProof'
        ELSE flag END
    FROM unnest(flags) AS flag)
WHERE cardinality(flags) > 0;

COMMENT ON COLUMN appeals.appeal_summaries.next_step IS 'AppealStep member name (ADR 0043)';
COMMENT ON COLUMN appeals.appeal_summaries.next_deadline_what IS 'DeadlineKind member name (ADR 0043)';
COMMENT ON COLUMN appeals.appeal_summaries.clock_name IS 'DecisionClockKind member name (ADR 0043)';
COMMENT ON COLUMN appeals.appeal_summaries.flags IS 'AppealFlag member names (ADR 0043)';
