-- Once a column of the stand-in's outbox table (ADR 0002), retired with it by ADR 0050. The id stays recorded.
SELECT 1;
