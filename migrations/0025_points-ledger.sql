CREATE TYPE "public"."points_entry_kind" AS ENUM('earn', 'earn_reversal', 'redeem', 'redeem_reversal', 'redeem_refund', 'gift_redeem', 'expire', 'transfer_in', 'transfer_out', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."points_expiry_kind" AS ENUM('none', 'end_of_year', 'after_months');--> statement-breakpoint
CREATE TABLE "points_entries" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid,
	"kind" "points_entry_kind" NOT NULL,
	"points" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"value_minor" bigint,
	"store_id" uuid,
	"franchisee_id" uuid,
	"device_id" uuid,
	"actor_id" uuid,
	"sale_id" uuid,
	"return_id" uuid,
	"payment_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_entries_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "points_entries_balance" CHECK ("points_entries"."balance_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_lots" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"earned_on" date NOT NULL,
	"points" bigint NOT NULL,
	"remaining" bigint NOT NULL,
	CONSTRAINT "points_lots_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "points_lots_remaining" CHECK ("points_lots"."remaining" between 0 and "points_lots"."points")
);
--> statement-breakpoint
CREATE TABLE "points_rules" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"member_level_id" uuid,
	"category_id" uuid,
	"rate_bp" integer NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_rules_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "points_rules_rate" CHECK ("points_rules"."rate_bp" >= 0),
	CONSTRAINT "points_rules_span" CHECK ("points_rules"."valid_from" is null or "points_rules"."valid_to" is null or "points_rules"."valid_from" <= "points_rules"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "points_settings" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"redeem_points_per_yuan" integer NOT NULL,
	"expiry_kind" "points_expiry_kind" NOT NULL,
	"expiry_months" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_settings_rate" CHECK ("points_settings"."redeem_points_per_yuan" > 0),
	CONSTRAINT "points_settings_months" CHECK (("points_settings"."expiry_kind" = 'after_months') = ("points_settings"."expiry_months" is not null))
);
--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_chain_id_account_id_member_accounts_chain_id_id_fk" FOREIGN KEY ("chain_id","account_id") REFERENCES "public"."member_accounts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lots" ADD CONSTRAINT "points_lots_chain_id_account_id_member_accounts_chain_id_id_fk" FOREIGN KEY ("chain_id","account_id") REFERENCES "public"."member_accounts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rules" ADD CONSTRAINT "points_rules_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_settings" ADD CONSTRAINT "points_settings_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_entries_account" ON "points_entries" USING btree ("chain_id","account_id","created_at");--> statement-breakpoint
CREATE INDEX "points_entries_sale" ON "points_entries" USING btree ("chain_id","sale_id") WHERE "points_entries"."sale_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_earn" ON "points_entries" USING btree ("chain_id","sale_id") WHERE "points_entries"."kind" = 'earn';--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_payment" ON "points_entries" USING btree ("chain_id","payment_id","kind") WHERE "points_entries"."kind" in ('redeem', 'redeem_reversal');--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_earn_reversal" ON "points_entries" USING btree ("chain_id","return_id") WHERE "points_entries"."kind" = 'earn_reversal';--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_redeem_refund" ON "points_entries" USING btree ("chain_id","return_id","payment_id") WHERE "points_entries"."kind" = 'redeem_refund';--> statement-breakpoint
CREATE INDEX "points_lots_open" ON "points_lots" USING btree ("chain_id","account_id","earned_on") WHERE "points_lots"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "points_lots_expiring" ON "points_lots" USING btree ("chain_id","earned_on") WHERE "points_lots"."remaining" > 0;