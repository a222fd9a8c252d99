--> statement-breakpoint
-- Stand-in orders made before the column existed were marked only by their external id.
UPDATE "inbound_orders" SET "placeholder_for_parcel_id" = substring("external_id" from 13)::uuid WHERE "external_id" LIKE 'UNANNOUNCED-%';
