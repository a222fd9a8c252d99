-- Search on the manager's desk (item code, tracking number, order id, seller, product name, SKU).
-- Trigram GIN indexes answer partial-word searches without scanning tables. Free text (product
-- names, sellers, Korean or English) is indexed through legit_search_key(): ASCII kept (lower case),
-- every other character spelled as 'z' + its code point in hex, so Hangul gets trigrams even on a
-- database whose locale (C) would otherwise give non-ASCII letters none.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION legit_search_key(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(CASE WHEN ascii(c) < 128 THEN c ELSE 'z' || to_hex(ascii(c)) END, '' ORDER BY i), '')
  FROM regexp_split_to_table(lower(input), '') WITH ORDINALITY AS t(c, i)
$$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "items_code_trgm_idx" ON "items" USING gin ("code" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "items_sku_trgm_idx" ON "items" USING gin ("sku" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "items_name_key_trgm_idx" ON "items" USING gin (legit_search_key("product_name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "items_center_sku_idx" ON "items" USING btree ("center_id", "sku");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inbound_orders_external_trgm_idx" ON "inbound_orders" USING gin ("external_id" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inbound_orders_tracking_trgm_idx" ON "inbound_orders" USING gin ("tracking_number" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inbound_orders_seller_key_trgm_idx" ON "inbound_orders" USING gin (legit_search_key(("seller" ->> 'name') || ' ' || ("seller" ->> 'id')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "parcels_tracking_trgm_idx" ON "parcels" USING gin ("tracking_number" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "shipments_tracking_trgm_idx" ON "shipments" USING gin ("tracking_number" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "products_name_key_trgm_idx" ON "products" USING gin (legit_search_key("brand" || ' ' || "name_en" || ' ' || "name_ko" || ' ' || "sku") gin_trgm_ops);
