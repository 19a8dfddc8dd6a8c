-- The next step of a scheduled appeal named the hearing's date inside its English text ("The hearing is on 12/16/2026;
-- then the decision"), so no Spanish page could look it up; the date is on the appeal's hearing panel. Rows written
-- before this change are reworded the way the model now words them.
UPDATE appeals.appeal_summaries
SET next_step = regexp_replace(next_step, '^The (hearing|informal fact-finding conference) is on \d{2}/\d{2}/\d{4}; then the decision$', 'The \1 is scheduled; then the decision')
WHERE next_step ~ '^The (hearing|informal fact-finding conference) is on \d{2}/\d{2}/\d{4}; then the decision$';
