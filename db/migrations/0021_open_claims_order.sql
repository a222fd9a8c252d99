DROP INDEX "inspections_center_status_idx";--> statement-breakpoint
CREATE INDEX "inspections_center_status_idx" ON "inspections" USING btree ("center_id","status","claimed_at");