CREATE TABLE "carrier_ranges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"next_number" integer NOT NULL,
	"last_number" integer NOT NULL,
	"digits" integer DEFAULT 10 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pick_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pick_list_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"bin_id" uuid,
	"sequence" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"tote_code" text,
	"picked_by" uuid,
	"picked_at" timestamp with time zone,
	"short_reported_by" uuid,
	"short_reported_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "pick_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"current_bin_id" uuid,
	"tote_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quarantine_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"handed_to" text,
	"photo_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "shipments_tracking_idx";--> statement-breakpoint
ALTER TABLE "manifests" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "reason" text NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "reason_details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "ship_by" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "carrier_ranges" ADD CONSTRAINT "carrier_ranges_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_lines" ADD CONSTRAINT "pick_lines_pick_list_id_pick_lists_id_fk" FOREIGN KEY ("pick_list_id") REFERENCES "public"."pick_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_lines" ADD CONSTRAINT "pick_lines_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_lines" ADD CONSTRAINT "pick_lines_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_lines" ADD CONSTRAINT "pick_lines_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_lists" ADD CONSTRAINT "pick_lists_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_lists" ADD CONSTRAINT "pick_lists_current_bin_id_bins_id_fk" FOREIGN KEY ("current_bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine_actions" ADD CONSTRAINT "quarantine_actions_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine_actions" ADD CONSTRAINT "quarantine_actions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_ranges_center_carrier_idx" ON "carrier_ranges" USING btree ("center_id","carrier");--> statement-breakpoint
CREATE INDEX "pick_lines_list_idx" ON "pick_lines" USING btree ("pick_list_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "pick_lines_item_open_idx" ON "pick_lines" USING btree ("item_id") WHERE status = 'pending' or (status = 'short' and resolved_at is null);--> statement-breakpoint
CREATE INDEX "pick_lines_center_short_idx" ON "pick_lines" USING btree ("center_id","status","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pick_lists_center_number_idx" ON "pick_lists" USING btree ("center_id","number");--> statement-breakpoint
CREATE INDEX "pick_lists_center_status_idx" ON "pick_lists" USING btree ("center_id","status");--> statement-breakpoint
CREATE INDEX "quarantine_actions_item_idx" ON "quarantine_actions" USING btree ("item_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_item_active_idx" ON "shipments" USING btree ("item_id") WHERE status <> 'dispatched';--> statement-breakpoint
CREATE INDEX "shipments_center_tracking_idx" ON "shipments" USING btree ("center_id","tracking_number");--> statement-breakpoint
CREATE INDEX "shipments_center_status_idx" ON "shipments" USING btree ("center_id","status","ship_by");