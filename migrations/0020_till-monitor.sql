CREATE TABLE "sync_rejections" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"document_id" text NOT NULL,
	"kind" text,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"first_rejected_at" timestamp with time zone NOT NULL,
	"last_rejected_at" timestamp with time zone NOT NULL,
	"times" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"instructed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "sync_rejections_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "sync_rejections_document" UNIQUE("chain_id","device_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "till_sync_settings" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"silent_after_minutes" integer NOT NULL,
	"min_app_version" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "till_sync_status" (
	"chain_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"last_pull_at" timestamp with time zone,
	"last_push_at" timestamp with time zone,
	"report" jsonb,
	"report_at" timestamp with time zone,
	"served_cursor" bigint,
	CONSTRAINT "till_sync_status_chain_id_device_id_pk" PRIMARY KEY("chain_id","device_id")
);
--> statement-breakpoint
ALTER TABLE "shift_closes" ADD COLUMN "documents_waiting" integer;--> statement-breakpoint
ALTER TABLE "sync_rejections" ADD CONSTRAINT "sync_rejections_chain_id_device_id_till_devices_chain_id_id_fk" FOREIGN KEY ("chain_id","device_id") REFERENCES "public"."till_devices"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_sync_settings" ADD CONSTRAINT "till_sync_settings_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_sync_status" ADD CONSTRAINT "till_sync_status_chain_id_device_id_till_devices_chain_id_id_fk" FOREIGN KEY ("chain_id","device_id") REFERENCES "public"."till_devices"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_rejections_store" ON "sync_rejections" USING btree ("chain_id","store_id","status");