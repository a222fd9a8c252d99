-- The fold deletes its batch of deltas by their ids (an index scan of the primary key), not by a
-- semi join that the planner ran as a sequential scan of the whole delta table: every batch read
-- every waiting delta and its dead rows (36k blocks for one fold in a paced benchmark run, 14-19 ms
-- for 1,000 deltas with 24k waiting against 2.6 ms now). Otherwise the same function (rollups.sql).
CREATE OR REPLACE FUNCTION rollup_fold(batch integer DEFAULT 50000) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE moved bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7215001) THEN RETURN 0; END IF;
  WITH gone AS (
    DELETE FROM rollup_deltas WHERE id = ANY(ARRAY(SELECT id FROM rollup_deltas ORDER BY id LIMIT batch))
    RETURNING center_id, figure, period, label, sku, category, n
  ), summed AS (
    SELECT center_id, figure, period, label, sku, category, sum(n) AS n, count(*) AS deltas FROM gone
    GROUP BY center_id, figure, period, label, sku, category
  ), upserted AS (
    INSERT INTO rollup_counts AS c (center_id, figure, period, label, sku, category, n)
    SELECT center_id, figure, period, label, sku, category, n FROM summed
    ON CONFLICT (center_id, figure, period, label, sku, category) DO UPDATE SET n = c.n + excluded.n
  )
  SELECT coalesce(sum(deltas), 0) INTO moved FROM summed;
  RETURN moved;
END $$;
