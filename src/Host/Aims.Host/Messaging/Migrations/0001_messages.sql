-- Once the stand-in's outbox and inbox tables (ADR 0002). Retired by ADR 0050: a new database never gets them, and a
-- previous version's are handed over to Wolverine and dropped by StandInHandOver at migrate time. The id stays recorded.
SELECT 1;
