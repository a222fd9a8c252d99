-- The desk's queue ages without reading every queued item (issue #15). Which desk queue an item
-- waits in and since when are two SQL functions (lib/desk/dashboard-figures.ts reads through
-- them); the index items_desk_queue_idx (db/schema/items.ts) orders each queue by that time, and the
-- rollup figure `queue_entries` counts the queued items per state and per hour (UTC) they entered
-- their queue, so "how many, and how many waited longer than X" is a sum over hours plus a count
-- of the one hour X falls in.
CREATE OR REPLACE FUNCTION desk_queue(state text, destination text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN state IN ('received', 'in_inspection') THEN 'receivedToVerdict'
    WHEN state IN ('passed', 'awaiting_pick', 'awaiting_pack', 'packed') AND coalesce(destination, 'buyer') = 'buyer' THEN 'passedToDispatch'
    WHEN state = 'held' THEN 'heldForBuyer'
    WHEN state = 'awaiting_putaway' THEN 'awaitingPutaway'
  END $$;--> statement-breakpoint
-- Received → verdict counts from the receipt; the other queues from the transition that put the
-- item in them (items.queue_entered_at, stamped by applyTransition), else the receipt.
CREATE OR REPLACE FUNCTION desk_queue_since(state text, queue_entered_at timestamptz, received_at timestamptz, created_at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN state IN ('received', 'in_inspection') THEN coalesce(received_at, created_at) ELSE coalesce(queue_entered_at, received_at, created_at) END $$;--> statement-breakpoint
-- The hour (UTC, whole hours from the epoch) an instant falls in: the queue_entries figure's period.
CREATE OR REPLACE FUNCTION desk_queue_hour(at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_bin('1 hour', at, timestamptz '1970-01-01 00:00:00+00') $$;--> statement-breakpoint
CREATE OR REPLACE VIEW rollup_truth AS
  SELECT center_id, 'items_in_state'::text AS figure, timestamptz '1970-01-01 00:00:00+00' AS period, state AS label, ''::text AS sku, ''::text AS category, count(*)::bigint AS n
  FROM items GROUP BY center_id, state
  UNION ALL
  SELECT e.center_id, 'moves', e.slot, e.label, '', '', count(*)
  FROM (SELECT center_id, rollup_slot(created_at) AS slot, rollup_move_label(action, from_state) AS label FROM item_events) e
  WHERE e.label IS NOT NULL
  GROUP BY e.center_id, e.slot, e.label
  UNION ALL
  SELECT k.center_id, k.figure, k.period, k.label, k.sku, k.category, count(*)
  FROM inspections n CROSS JOIN LATERAL rollup_inspection_keys(n.center_id, n.item_id, n.status, n.submitted_at, n.verdict, n.review_verdict, n.reason_codes) k
  GROUP BY k.center_id, k.figure, k.period, k.label, k.sku, k.category
  UNION ALL
  SELECT center_id, 'queue_entries', desk_queue_hour(desk_queue_since(state, queue_entered_at, received_at, created_at)), state, '', '', count(*)
  FROM items WHERE desk_queue(state, destination) IS NOT NULL
  GROUP BY center_id, desk_queue_hour(desk_queue_since(state, queue_entered_at, received_at, created_at)), state;--> statement-breakpoint
-- One statement for the state count and the queue entry of the old and the new row: a key that did
-- not change cancels out (-1 and +1) and writes nothing.
CREATE OR REPLACE FUNCTION rollup_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_deltas (center_id, figure, period, label, n)
  SELECT d.center_id, d.figure, d.period, d.label, sum(d.n)
  FROM (
    SELECT OLD.center_id AS center_id, 'items_in_state'::text AS figure, timestamptz '1970-01-01 00:00:00+00' AS period, OLD.state AS label, -1 AS n WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT NEW.center_id, 'items_in_state', timestamptz '1970-01-01 00:00:00+00', NEW.state, 1 WHERE TG_OP <> 'DELETE'
    UNION ALL
    SELECT OLD.center_id, 'queue_entries', desk_queue_hour(desk_queue_since(OLD.state, OLD.queue_entered_at, OLD.received_at, OLD.created_at)), OLD.state, -1
    WHERE TG_OP <> 'INSERT' AND desk_queue(OLD.state, OLD.destination) IS NOT NULL
    UNION ALL
    SELECT NEW.center_id, 'queue_entries', desk_queue_hour(desk_queue_since(NEW.state, NEW.queue_entered_at, NEW.received_at, NEW.created_at)), NEW.state, 1
    WHERE TG_OP <> 'DELETE' AND desk_queue(NEW.state, NEW.destination) IS NOT NULL
  ) d
  GROUP BY d.center_id, d.figure, d.period, d.label
  HAVING sum(d.n) <> 0;
  IF TG_OP = 'UPDATE' AND (OLD.sku IS DISTINCT FROM NEW.sku OR OLD.category IS DISTINCT FROM NEW.category) THEN
    -- The item's verdicts move to its new sku and category.
    INSERT INTO rollup_deltas (center_id, figure, period, label, sku, category, n)
    SELECT k.center_id, k.figure, k.period, k.label, OLD.sku, OLD.category, -1 FROM inspections n CROSS JOIN LATERAL rollup_inspection_keys(n.center_id, n.item_id, n.status, n.submitted_at, n.verdict, n.review_verdict, n.reason_codes) k WHERE n.item_id = NEW.id
    UNION ALL
    SELECT k.center_id, k.figure, k.period, k.label, k.sku, k.category, 1 FROM inspections n CROSS JOIN LATERAL rollup_inspection_keys(n.center_id, n.item_id, n.status, n.submitted_at, n.verdict, n.review_verdict, n.reason_codes) k WHERE n.item_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER IF EXISTS rollup_items ON items;--> statement-breakpoint
CREATE TRIGGER rollup_items AFTER INSERT OR DELETE OR UPDATE OF state, center_id, sku, category, destination, queue_entered_at, received_at, created_at ON items
  FOR EACH ROW EXECUTE FUNCTION rollup_items_changed();--> statement-breakpoint
-- The fold also deletes the counts it brought to zero: the queue entries' hours empty as their items
-- move on, and the readers of a queue should not walk every hour it ever had. Otherwise the same
-- function as migration 0030's (db/migrations-extra/rollup-fold-by-id.sql: the batch deleted by id).
CREATE OR REPLACE FUNCTION rollup_fold(batch integer DEFAULT 50000) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  moved bigint;
  z_center uuid[]; z_figure text[]; z_period timestamptz[]; z_label text[]; z_sku text[]; z_category text[];
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
    RETURNING c.center_id, c.figure, c.period, c.label, c.sku, c.category, c.n
  ), emptied AS (
    SELECT array_agg(center_id) AS center_id, array_agg(figure) AS figure, array_agg(period) AS period,
      array_agg(label) AS label, array_agg(sku) AS sku, array_agg(category) AS category
    FROM upserted WHERE n = 0
  )
  SELECT (SELECT coalesce(sum(deltas), 0) FROM summed), e.center_id, e.figure, e.period, e.label, e.sku, e.category
  INTO moved, z_center, z_figure, z_period, z_label, z_sku, z_category FROM emptied e;
  IF z_center IS NOT NULL THEN
    DELETE FROM rollup_counts c
    USING unnest(z_center, z_figure, z_period, z_label, z_sku, z_category) AS z(center_id, figure, period, label, sku, category)
    WHERE c.center_id = z.center_id AND c.figure = z.figure AND c.period = z.period AND c.label = z.label
      AND c.sku = z.sku AND c.category = z.category AND c.n = 0;
  END IF;
  RETURN moved;
END $$;--> statement-breakpoint
-- The new figure counted from the items (the other figures are unchanged).
DO $$
BEGIN
  PERFORM pg_advisory_xact_lock(7215001);
  DELETE FROM rollup_deltas WHERE figure = 'queue_entries';
  DELETE FROM rollup_counts WHERE figure = 'queue_entries';
  INSERT INTO rollup_counts (center_id, figure, period, label, sku, category, n)
  SELECT center_id, figure, period, label, sku, category, n FROM rollup_truth WHERE figure = 'queue_entries';
END $$;--> statement-breakpoint
CREATE INDEX "items_desk_queue_idx" ON "items" USING btree ("center_id",desk_queue("state", "destination"),desk_queue_since("state", "queue_entered_at", "received_at", "created_at"),"id","state") WHERE desk_queue("items"."state", "items"."destination") is not null;--> statement-breakpoint
CREATE INDEX "items_inspection_queue_idx" ON "items" USING btree ("center_id","type","received_at","id") WHERE "items"."state" = 'received' and not "items"."return_to_seller";