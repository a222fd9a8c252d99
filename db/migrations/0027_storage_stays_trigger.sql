-- The storage stays (storage_stays, migration 0025) kept by a trigger on items in the transaction of
-- each change, instead of a statement of its own after every putaway, sale, withdrawal,
-- mark-missing and found (issue #15). What it does is decided from the old and new state, as
-- lib/storage/stays.ts says: into `stored` from awaiting_putaway (putaway) starts the stay with the
-- order's seller and the class by category and size (sizeClassSql without a catalog product);
-- out of `stored` (a sale or withdrawal to awaiting_pick, a mark-missing) ends it at the
-- transaction's time (its audit row's); into `stored` from missing (found) reopens it.
CREATE OR REPLACE FUNCTION storage_stays_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'stored' AND OLD.state = 'awaiting_putaway' THEN
    IF NEW.stored_at IS NOT NULL THEN
      INSERT INTO storage_stays (item_id, center_id, seller_id, seller_name, sku, category_class, stored_at, ended_at)
      SELECT NEW.id, NEW.center_id, o.seller->>'id', o.seller->>'name', NEW.sku,
        (CASE
          WHEN lower(NEW.category) = 'apparel' AND upper(trim(NEW.size)) IN ('XXL', '2XL', '3XL', '4XL', 'XXXL') THEN 'L'
          ELSE (CASE lower(NEW.category) WHEN 'sneakers' THEN 'S' WHEN 'watches' THEN 'S' WHEN 'apparel' THEN 'M' WHEN 'tech' THEN 'M' WHEN 'bags' THEN 'L' ELSE 'M' END) END),
        NEW.stored_at, NULL
      FROM inbound_orders o WHERE o.id = NEW.order_id
      ON CONFLICT (item_id) DO UPDATE SET center_id = excluded.center_id, seller_id = excluded.seller_id, seller_name = excluded.seller_name,
        sku = excluded.sku, category_class = excluded.category_class, stored_at = excluded.stored_at, ended_at = NULL;
    END IF;
  ELSIF NEW.state = 'stored' AND OLD.state = 'missing' THEN
    UPDATE storage_stays SET ended_at = NULL WHERE item_id = NEW.id;
  ELSIF OLD.state = 'stored' AND NEW.state IN ('awaiting_pick', 'missing') THEN
    UPDATE storage_stays SET ended_at = now() WHERE item_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Only a change of state into or out of `stored` calls the function (a move, stored to stored, does not).
CREATE TRIGGER storage_stays_keep AFTER UPDATE OF state ON items
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state AND (OLD.state = 'stored' OR NEW.state = 'stored'))
  EXECUTE FUNCTION storage_stays_keep();
