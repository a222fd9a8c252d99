-- The storage size class of an item whose catalog product is unknown, by its category and size, in
-- one place for SQL: the stays trigger (storage_stays_keep) and the app's queries (sizeClassSql in
-- lib/storage/size-class.ts) call it. `sizeClassOf` there is its TypeScript twin for rows already in
-- memory; tests/integration/size-class-rule.test.ts holds the two to the same answer on both
-- databases for any category and size. Case is folded and spaces trimmed the ASCII way (COLLATE
-- "C"), so the answer does not depend on the database's locale.
CREATE OR REPLACE FUNCTION storage_size_class(category text, size text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN lower(category COLLATE "C") = 'apparel' AND upper(trim(size) COLLATE "C") IN ('XXL', '2XL', '3XL', '4XL', 'XXXL') THEN 'L'
    ELSE (CASE lower(category COLLATE "C") WHEN 'sneakers' THEN 'S' WHEN 'watches' THEN 'S' WHEN 'apparel' THEN 'M' WHEN 'tech' THEN 'M' WHEN 'bags' THEN 'L' ELSE 'M' END)
  END
$$;--> statement-breakpoint
-- The stays trigger of migration 0027, the class now from the function above.
CREATE OR REPLACE FUNCTION storage_stays_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'stored' AND OLD.state = 'awaiting_putaway' THEN
    IF NEW.stored_at IS NOT NULL THEN
      INSERT INTO storage_stays (item_id, center_id, seller_id, seller_name, sku, category_class, stored_at, ended_at)
      SELECT NEW.id, NEW.center_id, o.seller->>'id', o.seller->>'name', NEW.sku, storage_size_class(NEW.category, NEW.size), NEW.stored_at, NULL
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
END $$;
