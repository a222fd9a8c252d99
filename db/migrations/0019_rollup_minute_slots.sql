-- Throughput rollups in one-minute slots instead of fifteen (issue #15): "today so far" reads its
-- unfinished slot from item_events, so the slot bounds that read; a minute of events instead of up to
-- fifteen. Every time zone's local hours are still whole slots, so the chart's hours are unchanged.
CREATE OR REPLACE FUNCTION rollup_slot(at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$ SELECT date_bin('1 minute', at, timestamptz '1970-01-01 00:00:00+00') $$;--> statement-breakpoint
-- The moves recounted per minute from the events (the other figures do not use slots).
DO $$
BEGIN
  PERFORM pg_advisory_xact_lock(7215001);
  DELETE FROM rollup_deltas WHERE figure = 'moves';
  DELETE FROM rollup_counts WHERE figure = 'moves';
  INSERT INTO rollup_counts (center_id, figure, period, label, sku, category, n)
  SELECT center_id, figure, period, label, sku, category, n FROM rollup_truth WHERE figure = 'moves';
END $$;
