-- The deadline dashboard at a million appeals (ADR 0034, amended 2026-12-07; docs/benchmarks.md, casework): its
-- per-person counts grouped every open appeal (about 62,000 case worker and decider entries) on every view, 35-43 ms.
-- staff_load holds those counts already grouped: open appeals per person (as case worker or decider, under the name
-- the list row carries) per day their decision clock runs out, so overdue and due-soon stay relative to today and the
-- dashboard sums a few thousand rows. An open case whose clock is not running counts under 'infinity': open, never
-- overdue or due soon.
CREATE TABLE appeals.staff_load (
    user_id   uuid NOT NULL,
    name      text NOT NULL,
    clock_due date NOT NULL,
    cases     integer NOT NULL,
    PRIMARY KEY (user_id, name, clock_due)
);

-- Kept by the list row's own triggers, in the writer's transaction, from the row as stored before and after: whatever
-- writes appeal_summaries (the projection, an upgrade's rebuild, a test's seed, a bulk COPY) keeps the counts, and a
-- change of rules or calendar that would fold an old appeal differently cannot make them drift.
CREATE FUNCTION appeals.follow_staff_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One statement with the changes netted and in key order, so two writers take the counters' locks in one order.
    INSERT INTO appeals.staff_load AS l (user_id, name, clock_due, cases)
    SELECT user_id, coalesce(name, ''), coalesce(clock_due, 'infinity'::date), sum(n)::integer
    FROM (
        SELECT OLD.case_worker_id, OLD.case_worker_name, OLD.clock_due, -1 WHERE TG_OP <> 'INSERT' AND NOT OLD.closed
        UNION ALL SELECT OLD.decider_id, OLD.decider_name, OLD.clock_due, -1 WHERE TG_OP <> 'INSERT' AND NOT OLD.closed
        UNION ALL SELECT NEW.case_worker_id, NEW.case_worker_name, NEW.clock_due, 1 WHERE TG_OP <> 'DELETE' AND NOT NEW.closed
        UNION ALL SELECT NEW.decider_id, NEW.decider_name, NEW.clock_due, 1 WHERE TG_OP <> 'DELETE' AND NOT NEW.closed
    ) AS change (user_id, name, clock_due, n)
    WHERE user_id IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(n) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (user_id, name, clock_due) DO UPDATE SET cases = l.cases + EXCLUDED.cases;
    -- A count that reached nothing goes, or the table would keep every day ever used.
    IF TG_OP <> 'INSERT' AND NOT OLD.closed THEN
        DELETE FROM appeals.staff_load
        WHERE cases = 0 AND clock_due = coalesce(OLD.clock_due, 'infinity'::date)
          AND (user_id, name) IN ((OLD.case_worker_id, coalesce(OLD.case_worker_name, '')), (OLD.decider_id, coalesce(OLD.decider_name, '')));
    END IF;
    RETURN NULL;
END
$$;

-- WHEN clauses: most appends (a reminder, a document, a status within the same clock) change none of these columns,
-- and then cost nothing here.
CREATE TRIGGER staff_load_insert AFTER INSERT ON appeals.appeal_summaries FOR EACH ROW
    WHEN (NOT NEW.closed AND (NEW.case_worker_id IS NOT NULL OR NEW.decider_id IS NOT NULL))
    EXECUTE FUNCTION appeals.follow_staff_load();
CREATE TRIGGER staff_load_update AFTER UPDATE ON appeals.appeal_summaries FOR EACH ROW
    WHEN ((OLD.closed, OLD.clock_due, OLD.case_worker_id, OLD.case_worker_name, OLD.decider_id, OLD.decider_name)
          IS DISTINCT FROM (NEW.closed, NEW.clock_due, NEW.case_worker_id, NEW.case_worker_name, NEW.decider_id, NEW.decider_name))
    EXECUTE FUNCTION appeals.follow_staff_load();
CREATE TRIGGER staff_load_delete AFTER DELETE ON appeals.appeal_summaries FOR EACH ROW
    WHEN (NOT OLD.closed AND (OLD.case_worker_id IS NOT NULL OR OLD.decider_id IS NOT NULL))
    EXECUTE FUNCTION appeals.follow_staff_load();
CREATE FUNCTION appeals.empty_staff_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE appeals.staff_load;
    RETURN NULL;
END
$$;
CREATE TRIGGER staff_load_truncate AFTER TRUNCATE ON appeals.appeal_summaries FOR EACH STATEMENT
    EXECUTE FUNCTION appeals.empty_staff_load();

-- The rows already there, counted once; the triggers above hold every writer off until this transaction commits.
INSERT INTO appeals.staff_load (user_id, name, clock_due, cases)
SELECT user_id, coalesce(name, ''), coalesce(clock_due, 'infinity'::date), count(*)
FROM (
    SELECT case_worker_id, case_worker_name, clock_due FROM appeals.appeal_summaries WHERE NOT closed AND case_worker_id IS NOT NULL
    UNION ALL
    SELECT decider_id, decider_name, clock_due FROM appeals.appeal_summaries WHERE NOT closed AND decider_id IS NOT NULL
) AS e (user_id, name, clock_due)
GROUP BY 1, 2, 3;

-- One person's clocks: two index scans, one per role, instead of filtering every open appeal due in the window. The
-- load indexes of 0006 served only the counts above, so they go.
DROP INDEX appeals.appeal_summaries_case_worker_load;
DROP INDEX appeals.appeal_summaries_decider_load;
CREATE INDEX appeal_summaries_case_worker_clock ON appeals.appeal_summaries (case_worker_id, clock_due) WHERE NOT closed;
CREATE INDEX appeal_summaries_decider_clock ON appeals.appeal_summaries (decider_id, clock_due) WHERE NOT closed;
