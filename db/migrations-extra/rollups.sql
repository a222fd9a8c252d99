--> statement-breakpoint
-- Rollups (db/schema/rollups.ts): how each row counts, the truth recomputed from the base tables,
-- the triggers that write deltas in the transaction of every change, the fold, and the backfill.
CREATE OR REPLACE FUNCTION rollup_local_day(at timestamptz, tz text) RETURNS timestamptz
LANGUAGE sql STABLE AS $$ SELECT date_trunc('day', at AT TIME ZONE tz) AT TIME ZONE tz $$;--> statement-breakpoint
-- (Redefined as one-minute slots by migration 0019, db/migrations-extra/rollup-minute-slots.sql.)
CREATE OR REPLACE FUNCTION rollup_slot(at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$ SELECT date_bin('15 minutes', at, timestamptz '1970-01-01 00:00:00+00') $$;--> statement-breakpoint
-- What an item event counts as on the desk's throughput (lib/desk/dashboard-figures.ts, movesByHourFromEvents).
CREATE OR REPLACE FUNCTION rollup_move_label(action text, from_state text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN action = 'receive' THEN 'received'
    WHEN action IN ('pass', 'fail', 'hold', 'quarantine') AND from_state = 'in_inspection' THEN 'inspected'
    WHEN action IN ('dispatch', 'hand_over') THEN 'dispatched'
  END $$;--> statement-breakpoint
-- What one inspection counts as in the verdict mix and the fail reasons (verdictMixFromInspections, failReasonsFromInspections).
CREATE OR REPLACE FUNCTION rollup_inspection_keys(p_center uuid, p_item uuid, p_status text, p_submitted_at timestamptz, p_verdict text, p_review_verdict text, p_reason_codes jsonb)
RETURNS TABLE (center_id uuid, figure text, period timestamptz, label text, sku text, category text)
LANGUAGE sql STABLE AS $$
  SELECT p_center, f.figure, rollup_local_day(p_submitted_at, c.timezone), f.label, i.sku, i.category
  FROM items i
  JOIN centers c ON c.id = p_center
  CROSS JOIN LATERAL (
    SELECT 'verdicts'::text, coalesce(p_review_verdict, p_verdict, '')
    UNION ALL
    SELECT 'fail_reasons'::text, r.code FROM jsonb_array_elements_text(p_reason_codes) r(code)
    WHERE coalesce(p_review_verdict, p_verdict) <> 'pass'
  ) f(figure, label)
  WHERE i.id = p_item AND p_status IN ('done', 'awaiting_review') AND p_submitted_at IS NOT NULL
$$;--> statement-breakpoint
-- The rollups recomputed from the base tables: the backfill, a center's time zone change, and the invariant checker read it.
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
  GROUP BY k.center_id, k.figure, k.period, k.label, k.sku, k.category;--> statement-breakpoint
-- The rollups as readers see them: folded counts plus the deltas not folded yet.
CREATE OR REPLACE VIEW rollup_current AS
  SELECT center_id, figure, period, label, sku, category, sum(n)::bigint AS n
  FROM (
    SELECT center_id, figure, period, label, sku, category, n FROM rollup_counts
    UNION ALL
    SELECT center_id, figure, period, label, sku, category, n FROM rollup_deltas
  ) r
  GROUP BY center_id, figure, period, label, sku, category
  HAVING sum(n) <> 0;--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_items_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.state IS DISTINCT FROM NEW.state OR OLD.center_id IS DISTINCT FROM NEW.center_id) THEN
    INSERT INTO rollup_deltas (center_id, figure, period, label, n) VALUES (OLD.center_id, 'items_in_state', '1970-01-01 00:00:00+00', OLD.state, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state OR OLD.center_id IS DISTINCT FROM NEW.center_id) THEN
    INSERT INTO rollup_deltas (center_id, figure, period, label, n) VALUES (NEW.center_id, 'items_in_state', '1970-01-01 00:00:00+00', NEW.state, 1);
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.sku IS DISTINCT FROM NEW.sku OR OLD.category IS DISTINCT FROM NEW.category) THEN
    -- The item's verdicts move to its new sku and category.
    INSERT INTO rollup_deltas (center_id, figure, period, label, sku, category, n)
    SELECT k.center_id, k.figure, k.period, k.label, OLD.sku, OLD.category, -1 FROM inspections n CROSS JOIN LATERAL rollup_inspection_keys(n.center_id, n.item_id, n.status, n.submitted_at, n.verdict, n.review_verdict, n.reason_codes) k WHERE n.item_id = NEW.id
    UNION ALL
    SELECT k.center_id, k.figure, k.period, k.label, k.sku, k.category, 1 FROM inspections n CROSS JOIN LATERAL rollup_inspection_keys(n.center_id, n.item_id, n.status, n.submitted_at, n.verdict, n.review_verdict, n.reason_codes) k WHERE n.item_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rollup_items AFTER INSERT OR DELETE OR UPDATE OF state, center_id, sku, category ON items
  FOR EACH ROW EXECUTE FUNCTION rollup_items_changed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_item_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND rollup_move_label(OLD.action, OLD.from_state) IS NOT NULL THEN
    INSERT INTO rollup_deltas (center_id, figure, period, label, n) VALUES (OLD.center_id, 'moves', rollup_slot(OLD.created_at), rollup_move_label(OLD.action, OLD.from_state), -1);
  END IF;
  IF TG_OP <> 'DELETE' AND rollup_move_label(NEW.action, NEW.from_state) IS NOT NULL THEN
    INSERT INTO rollup_deltas (center_id, figure, period, label, n) VALUES (NEW.center_id, 'moves', rollup_slot(NEW.created_at), rollup_move_label(NEW.action, NEW.from_state), 1);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rollup_item_events AFTER INSERT OR DELETE OR UPDATE OF action, from_state, center_id, created_at ON item_events
  FOR EACH ROW EXECUTE FUNCTION rollup_item_events_changed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_inspections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_deltas (center_id, figure, period, label, sku, category, n)
  SELECT d.center_id, d.figure, d.period, d.label, d.sku, d.category, sum(d.n)
  FROM (
    SELECT k.*, -1 AS n FROM rollup_inspection_keys(OLD.center_id, OLD.item_id, OLD.status, OLD.submitted_at, OLD.verdict, OLD.review_verdict, OLD.reason_codes) k WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT k.*, 1 AS n FROM rollup_inspection_keys(NEW.center_id, NEW.item_id, NEW.status, NEW.submitted_at, NEW.verdict, NEW.review_verdict, NEW.reason_codes) k WHERE TG_OP <> 'DELETE'
  ) d
  GROUP BY d.center_id, d.figure, d.period, d.label, d.sku, d.category
  HAVING sum(d.n) <> 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rollup_inspections AFTER INSERT OR DELETE OR UPDATE OF status, submitted_at, verdict, review_verdict, reason_codes, item_id, center_id ON inspections
  FOR EACH ROW EXECUTE FUNCTION rollup_inspections_changed();--> statement-breakpoint
-- A center's local days move with its time zone: its verdict rollups are recomputed.
CREATE OR REPLACE FUNCTION rollup_center_time_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.timezone IS DISTINCT FROM NEW.timezone THEN
    INSERT INTO rollup_deltas (center_id, figure, period, label, sku, category, n)
    SELECT center_id, figure, period, label, sku, category, -n FROM rollup_current WHERE center_id = NEW.id AND figure IN ('verdicts', 'fail_reasons')
    UNION ALL
    SELECT center_id, figure, period, label, sku, category, n FROM rollup_truth WHERE center_id = NEW.id AND figure IN ('verdicts', 'fail_reasons');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER rollup_centers AFTER UPDATE OF timezone ON centers
  FOR EACH ROW EXECUTE FUNCTION rollup_center_time_zone_changed();--> statement-breakpoint
-- Moves up to `batch` deltas into rollup_counts; one folder at a time (others return 0 at once).
CREATE OR REPLACE FUNCTION rollup_fold(batch integer DEFAULT 50000) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE moved bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7215001) THEN RETURN 0; END IF;
  WITH gone AS (
    DELETE FROM rollup_deltas WHERE id IN (SELECT id FROM rollup_deltas ORDER BY id LIMIT batch)
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
END $$;--> statement-breakpoint
-- Recomputes every rollup from the base tables (the backfill; the benchmark's bulk loader after it wrote rows with the triggers off).
CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7215001);
  DELETE FROM rollup_deltas;
  DELETE FROM rollup_counts;
  INSERT INTO rollup_counts (center_id, figure, period, label, sku, category, n) SELECT center_id, figure, period, label, sku, category, n FROM rollup_truth;
END $$;--> statement-breakpoint
SELECT rollup_rebuild();
