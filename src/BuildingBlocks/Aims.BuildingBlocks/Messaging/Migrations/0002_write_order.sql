-- The order messages were written in, which neither the clock (tests move it) nor xmin (a delivery rewrites the row)
-- can give: readers that want "the latest code sent" order by this.
ALTER TABLE messaging.messages ADD COLUMN written bigint GENERATED ALWAYS AS IDENTITY;
