ALTER TABLE "items" ADD COLUMN "queue_entered_at" timestamp with time zone;--> statement-breakpoint
-- Backfill for items already in a queue the desk watches: their last entry action, found through
-- the partial index this migration then drops (the column replaces it).
UPDATE "items" SET "queue_entered_at" = (
  SELECT max(e."created_at") FROM "item_events" e
  WHERE e."item_id" = "items"."id" AND e."action" IN ('pass', 'sell', 'hold', 'route_storage')
) WHERE "state" IN ('passed', 'awaiting_pick', 'awaiting_pack', 'packed', 'held', 'awaiting_putaway');--> statement-breakpoint
DROP INDEX "item_events_queue_entry_idx";
