CREATE TABLE "webhook_relay_positions" (
	"api_client_id" uuid PRIMARY KEY NOT NULL,
	"after_txid" bigint,
	"after_id" bigint,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_relay_positions" ADD CONSTRAINT "webhook_relay_positions_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_events_center_txid_idx" ON "outbox_events" USING btree ("center_id","txid","id");