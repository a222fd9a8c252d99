CREATE TABLE "cycle_count_differences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"count_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid,
	"code" text NOT NULL,
	"recorded_bin_id" uuid,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cycle_count_scans" (
	"count_id" uuid NOT NULL,
	"code" text NOT NULL,
	"item_id" uuid,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reason" text NOT NULL,
	"planned_by" uuid NOT NULL,
	"planned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counted_by" uuid,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bins" ADD COLUMN "last_counted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bins" ADD COLUMN "count_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cycle_count_differences" ADD CONSTRAINT "cycle_count_differences_count_id_cycle_counts_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."cycle_counts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_count_scans" ADD CONSTRAINT "cycle_count_scans_count_id_cycle_counts_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."cycle_counts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_counts" ADD CONSTRAINT "cycle_counts_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_count_differences_count_idx" ON "cycle_count_differences" USING btree ("count_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_count_scans_pk" ON "cycle_count_scans" USING btree ("count_id","code");--> statement-breakpoint
CREATE INDEX "cycle_counts_center_status_idx" ON "cycle_counts" USING btree ("center_id","status","planned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_counts_open_bin_idx" ON "cycle_counts" USING btree ("bin_id") WHERE "cycle_counts"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "bins_free_idx" ON "bins" USING btree ("center_id","size_class","pick_sequence") WHERE "bins"."active" and "bins"."occupied" < "bins"."capacity";--> statement-breakpoint
CREATE INDEX "bins_zone_idx" ON "bins" USING btree ("zone_id","pick_sequence");--> statement-breakpoint
CREATE INDEX "bins_last_counted_idx" ON "bins" USING btree ("center_id","last_counted_at");