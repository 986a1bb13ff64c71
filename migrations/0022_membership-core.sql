CREATE TYPE "public"."member_gender" AS ENUM('female', 'male', 'unspecified');--> statement-breakpoint
CREATE TYPE "public"."member_card_status" AS ENUM('issued', 'active', 'lost', 'replaced', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."stored_value_entry_kind" AS ENUM('top_up', 'top_up_bonus', 'spend', 'spend_reversal', 'refund', 'transfer_out', 'transfer_in', 'adjustment', 'cancellation');--> statement-breakpoint
CREATE TABLE "member_accounts" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"holder_member_id" uuid NOT NULL,
	"balance_minor" bigint DEFAULT 0 NOT NULL,
	"bonus_minor" bigint DEFAULT 0 NOT NULL,
	"points" bigint DEFAULT 0 NOT NULL,
	"receivable_minor" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_accounts_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "member_accounts_balance" CHECK ("member_accounts"."balance_minor" >= 0),
	CONSTRAINT "member_accounts_bonus" CHECK ("member_accounts"."bonus_minor" between 0 and "member_accounts"."balance_minor"),
	CONSTRAINT "member_accounts_points" CHECK ("member_accounts"."points" >= 0),
	CONSTRAINT "member_accounts_receivable" CHECK ("member_accounts"."receivable_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "member_cards" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"card_no" text NOT NULL,
	"member_id" uuid NOT NULL,
	"status" "member_card_status" NOT NULL,
	"pin_hash" text,
	"pin_failed_tries" integer DEFAULT 0 NOT NULL,
	"pin_locked_until" timestamp with time zone,
	"replaced_by_card_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_store_id" uuid,
	"status_changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_cards_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "member_cards_pin_tries" CHECK ("member_cards"."pin_failed_tries" >= 0)
);
--> statement-breakpoint
CREATE TABLE "membership_settings" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"bonus_spent_first" boolean DEFAULT false NOT NULL,
	"pin_max_tries" integer DEFAULT 5 NOT NULL,
	"pin_lock_minutes" integer DEFAULT 30 NOT NULL,
	"adjustment_approval_above_minor" bigint DEFAULT 50000 NOT NULL,
	"offline_card_allowance_minor" bigint DEFAULT 0 NOT NULL,
	"offline_till_allowance_minor" bigint DEFAULT 0 NOT NULL,
	"cancel_forfeits_balance" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_value_entries" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid,
	"card_id" uuid,
	"kind" "stored_value_entry_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"bonus_minor" bigint DEFAULT 0 NOT NULL,
	"balance_after_minor" bigint NOT NULL,
	"store_id" uuid,
	"franchisee_id" uuid,
	"device_id" uuid,
	"actor_id" uuid,
	"payment_id" uuid,
	"document_id" uuid,
	"offline" boolean DEFAULT false NOT NULL,
	"reason" text,
	"approved_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stored_value_entries_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "stored_value_entries_bonus_within" CHECK (abs("stored_value_entries"."bonus_minor") <= abs("stored_value_entries"."amount_minor"))
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "gender" "member_gender" DEFAULT 'unspecified' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "consent_to_messages" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "parent_member_id" uuid;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "child_txn_limit_minor" bigint;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "child_day_limit_minor" bigint;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "paid_until" date;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "merged_into_member_id" uuid;--> statement-breakpoint
ALTER TABLE "member_accounts" ADD CONSTRAINT "member_accounts_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_settings" ADD CONSTRAINT "membership_settings_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_value_entries" ADD CONSTRAINT "stored_value_entries_chain_id_account_id_member_accounts_chain_id_id_fk" FOREIGN KEY ("chain_id","account_id") REFERENCES "public"."member_accounts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_accounts_holder" ON "member_accounts" USING btree ("chain_id","holder_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_cards_chain_card_no" ON "member_cards" USING btree ("chain_id","card_no");--> statement-breakpoint
CREATE INDEX "member_cards_member" ON "member_cards" USING btree ("chain_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_cards_one_active" ON "member_cards" USING btree ("chain_id","member_id") WHERE "member_cards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "stored_value_entries_account" ON "stored_value_entries" USING btree ("chain_id","account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_value_entries_payment" ON "stored_value_entries" USING btree ("chain_id","payment_id","kind") WHERE "stored_value_entries"."payment_id" is not null;--> statement-breakpoint
CREATE INDEX "stored_value_entries_store_time" ON "stored_value_entries" USING btree ("chain_id","store_id","created_at");--> statement-breakpoint
CREATE INDEX "members_account" ON "members" USING btree ("chain_id","account_id");--> statement-breakpoint
CREATE INDEX "members_parent" ON "members" USING btree ("chain_id","parent_member_id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_child_limits" CHECK (("members"."child_txn_limit_minor" is null or "members"."child_txn_limit_minor" >= 0) and ("members"."child_day_limit_minor" is null or "members"."child_day_limit_minor" >= 0));--> statement-breakpoint
-- Every member enrolled before accounts and cards existed gets an account of their own and their card, both under the member's id.
INSERT INTO "member_accounts" ("chain_id", "id", "holder_member_id", "updated_at") SELECT "chain_id", "id", "id", now() FROM "members";--> statement-breakpoint
UPDATE "members" SET "account_id" = "id";--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "account_id" SET NOT NULL;--> statement-breakpoint
INSERT INTO "member_cards" ("chain_id", "id", "card_no", "member_id", "status", "issued_at", "status_changed_at")
  SELECT "chain_id", "id", "card_no", "id", CASE WHEN "active" THEN 'active'::"member_card_status" ELSE 'cancelled'::"member_card_status" END, "created_at", "created_at" FROM "members";