CREATE TABLE "till_events" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"event" text NOT NULL,
	"clerk_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"line_count" integer,
	"gross_minor" bigint,
	"net_minor" bigint,
	"currency" text,
	"receipt_no" text,
	"approval_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "till_events_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "till_events" ADD CONSTRAINT "till_events_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "till_events_store_day" ON "till_events" USING btree ("chain_id","store_id","business_date");