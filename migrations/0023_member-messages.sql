CREATE TYPE "public"."member_message_kind" AS ENUM('top_up', 'spend', 'low_balance', 'birthday', 'points_expiring', 'care_reminder');--> statement-breakpoint
CREATE TYPE "public"."member_message_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "member_message_settings" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"enabled_kinds" text[] NOT NULL,
	"signature" text NOT NULL,
	"low_balance_below_minor" bigint NOT NULL,
	"care_after_months" integer NOT NULL,
	"points_expiry_notice_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_messages" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "member_message_kind" NOT NULL,
	"phone" text NOT NULL,
	"text" text NOT NULL,
	"facts" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" "member_message_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"provider_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "member_messages_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "member_message_settings" ADD CONSTRAINT "member_message_settings_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_messages_dedupe" ON "member_messages" USING btree ("chain_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "member_messages_due" ON "member_messages" USING btree ("next_attempt_at") WHERE "member_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "member_messages_chain_time" ON "member_messages" USING btree ("chain_id","created_at");--> statement-breakpoint
CREATE INDEX "member_messages_member" ON "member_messages" USING btree ("chain_id","member_id");