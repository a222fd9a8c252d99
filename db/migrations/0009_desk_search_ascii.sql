-- Desk search, ASCII queries: plain trigram indexes on the free-text columns, so an English
-- product name or seller search rechecks candidates with ILIKE instead of legit_search_key()
-- (2.6 s → tens of ms for a long, common phrase on a million items).
CREATE INDEX IF NOT EXISTS "items_name_trgm_idx" ON "items" USING gin ("product_name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inbound_orders_seller_trgm_idx" ON "inbound_orders" USING gin ((("seller" ->> 'name') || ' ' || ("seller" ->> 'id')) gin_trgm_ops);
