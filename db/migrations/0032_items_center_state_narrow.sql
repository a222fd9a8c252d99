DROP INDEX "items_center_state_idx";--> statement-breakpoint
CREATE INDEX "items_center_state_idx" ON "items" USING btree ("center_id","state");