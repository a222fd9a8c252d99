ALTER TABLE "inbound_orders" ADD COLUMN "placeholder_for_parcel_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_orders_placeholder_parcel_idx" ON "inbound_orders" USING btree ("placeholder_for_parcel_id");--> statement-breakpoint
-- Stand-in orders made before the column existed were marked only by their external id.
UPDATE "inbound_orders" SET "placeholder_for_parcel_id" = substring("external_id" from 13)::uuid WHERE "external_id" LIKE 'UNANNOUNCED-%';
