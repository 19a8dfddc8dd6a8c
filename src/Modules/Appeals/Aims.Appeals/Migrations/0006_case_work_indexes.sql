-- The deadline dashboard at a million appeals (docs/benchmarks.md, casework): it took 90-100 ms, nearly all of it
-- reading the heap rows of every open appeal (about 55,000) twice for the per-person counts, and once more to find
-- the few agency summaries past due. These partial indexes hold only open appeals, so they stay small (about 2 MB
-- together) and cost writes only on open cases; a closed appeal leaves them.

-- Per-person load: everything the count needs is in the index, so it is read by index-only scans, never the table.
CREATE INDEX appeal_summaries_case_worker_load ON appeals.appeal_summaries (case_worker_id, case_worker_name) INCLUDE (clock_due)
    WHERE NOT closed AND case_worker_id IS NOT NULL;
CREATE INDEX appeal_summaries_decider_load ON appeals.appeal_summaries (decider_id, decider_name) INCLUDE (clock_due)
    WHERE NOT closed AND decider_id IS NOT NULL;
-- Agency summaries still awaited, by the day they are due: a few hundred rows rather than every open appeal.
CREATE INDEX appeal_summaries_summary_awaited ON appeals.appeal_summaries (summary_due) WHERE NOT closed AND summary_filed_on IS NULL;
