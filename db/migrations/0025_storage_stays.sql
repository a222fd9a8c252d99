CREATE TABLE "storage_stays" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"seller_id" text,
	"seller_name" text,
	"sku" text NOT NULL,
	"category_class" text NOT NULL,
	"stored_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "storage_stays" ADD CONSTRAINT "storage_stays_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_stays" ADD CONSTRAINT "storage_stays_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "storage_stays_center_end_idx" ON "storage_stays" USING btree ("center_id",coalesce("ended_at", 'infinity'::timestamptz));--> statement-breakpoint
-- Backfill: every item put away gets its stay as its history says (lib/storage/stays.ts,
-- stayFromHistorySql): the order's seller, the class by category and size, and the end (none while
-- stored; a missing item's last mark-missing; otherwise its sale or withdrawal, which only follows a putaway).
INSERT INTO "storage_stays" ("item_id", "center_id", "seller_id", "seller_name", "sku", "category_class", "stored_at", "ended_at")
SELECT i.id, i.center_id, o.seller->>'id', o.seller->>'name', i.sku,
  (CASE
    WHEN lower(i.category) = 'apparel' AND upper(trim(i.size)) IN ('XXL', '2XL', '3XL', '4XL', 'XXXL') THEN 'L'
    ELSE (CASE lower(i.category) WHEN 'sneakers' THEN 'S' WHEN 'watches' THEN 'S' WHEN 'apparel' THEN 'M' WHEN 'tech' THEN 'M' WHEN 'bags' THEN 'L' ELSE 'M' END) END),
  i.stored_at,
  (CASE WHEN i.state = 'stored' THEN NULL
    WHEN i.state = 'missing' THEN (SELECT max(e.created_at) FROM item_events e WHERE e.item_id = i.id AND e.action = 'mark_missing')
    ELSE (SELECT min(e.created_at) FROM item_events e WHERE e.item_id = i.id AND e.action IN ('sell', 'withdraw')) END)
FROM items i JOIN inbound_orders o ON o.id = i.order_id
WHERE i.stored_at IS NOT NULL;
