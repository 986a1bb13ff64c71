CREATE TYPE "public"."stored_value_adjustment_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "stored_value_adjustments" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "stored_value_adjustment_status" NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"entry_id" uuid,
	CONSTRAINT "stored_value_adjustments_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "stored_value_adjustments_amount" CHECK ("stored_value_adjustments"."amount_minor" <> 0)
);
--> statement-breakpoint
CREATE TABLE "stored_value_refunds" (
	"chain_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"original_payment_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"bonus_minor" bigint NOT NULL,
	"entry_id" uuid NOT NULL,
	CONSTRAINT "stored_value_refunds_chain_id_payment_id_pk" PRIMARY KEY("chain_id","payment_id"),
	CONSTRAINT "stored_value_refunds_amount" CHECK ("stored_value_refunds"."amount_minor" > 0 and "stored_value_refunds"."bonus_minor" between 0 and "stored_value_refunds"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "stored_value_top_ups" (
	"chain_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"tender" "tender" NOT NULL,
	"reference" text,
	"amount_minor" bigint NOT NULL,
	"bonus_minor" bigint NOT NULL,
	"balance_after_minor" bigint NOT NULL,
	"rule_id" uuid,
	"rule_name" text,
	"entry_id" uuid NOT NULL,
	"bonus_entry_id" uuid,
	"store_id" uuid,
	"device_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stored_value_top_ups_chain_id_payment_id_pk" PRIMARY KEY("chain_id","payment_id"),
	CONSTRAINT "stored_value_top_ups_amounts" CHECK ("stored_value_top_ups"."amount_minor" > 0 and "stored_value_top_ups"."bonus_minor" >= 0),
	CONSTRAINT "stored_value_top_ups_tender" CHECK ("stored_value_top_ups"."tender" in ('cash', 'bank_card'))
);
--> statement-breakpoint
CREATE TABLE "top_up_rules" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"min_top_up_minor" bigint NOT NULL,
	"bonus_minor" bigint NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "top_up_rules_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "top_up_rules_amounts" CHECK ("top_up_rules"."min_top_up_minor" > 0 and "top_up_rules"."bonus_minor" > 0),
	CONSTRAINT "top_up_rules_dates" CHECK ("top_up_rules"."starts_on" is null or "top_up_rules"."ends_on" is null or "top_up_rules"."starts_on" <= "top_up_rules"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "stored_value_adjustments" ADD CONSTRAINT "stored_value_adjustments_chain_id_account_id_member_accounts_chain_id_id_fk" FOREIGN KEY ("chain_id","account_id") REFERENCES "public"."member_accounts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "top_up_rules" ADD CONSTRAINT "top_up_rules_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_value_adjustments_account" ON "stored_value_adjustments" USING btree ("chain_id","account_id","requested_at");--> statement-breakpoint
CREATE INDEX "stored_value_refunds_original" ON "stored_value_refunds" USING btree ("chain_id","original_payment_id");--> statement-breakpoint
CREATE INDEX "stored_value_top_ups_store_time" ON "stored_value_top_ups" USING btree ("chain_id","store_id","created_at");