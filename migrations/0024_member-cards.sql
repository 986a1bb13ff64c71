CREATE TYPE "public"."level_rule_basis" AS ENUM('spend', 'points');--> statement-breakpoint
CREATE TABLE "member_card_numbering" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"prefix" text DEFAULT '8888' NOT NULL,
	"width" integer DEFAULT 7 NOT NULL,
	"last_sequence" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "member_card_numbering_prefix" CHECK ("member_card_numbering"."prefix" ~ '^[2-9][0-9]{1,7}$' and "member_card_numbering"."width" between 4 and 10)
);
--> statement-breakpoint
CREATE TABLE "member_renewals" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"paid_until_before" date,
	"paid_until_after" date NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_renewals_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_chain_card";--> statement-breakpoint
DROP INDEX "members_card_no_trgm";--> statement-breakpoint
DROP INDEX "member_cards_one_active";--> statement-breakpoint
ALTER TABLE "member_levels" ADD COLUMN "rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_levels" ADD COLUMN "rule_basis" "level_rule_basis";--> statement-breakpoint
ALTER TABLE "member_levels" ADD COLUMN "rule_threshold" bigint;--> statement-breakpoint
ALTER TABLE "member_levels" ADD COLUMN "rule_period_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_levels" ADD COLUMN "is_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "member_levels" ADD COLUMN "paid_period_months" integer;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "member_card_numbering" ADD CONSTRAINT "member_card_numbering_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_renewals_member" ON "member_renewals" USING btree ("chain_id","member_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "member_levels_one_default" ON "member_levels" USING btree ("chain_id") WHERE "member_levels"."is_default";--> statement-breakpoint
CREATE INDEX "sales_member" ON "sales" USING btree ("chain_id","member_id","completed_at");--> statement-breakpoint
CREATE INDEX "member_cards_card_no_trgm" ON "member_cards" USING gin ("card_no" gin_trgm_ops);--> statement-breakpoint
-- A member enrolled after 0022 without a card keeps their number as a card before the column goes.
INSERT INTO "member_cards" ("chain_id", "id", "card_no", "member_id", "status", "issued_at", "status_changed_at")
SELECT m."chain_id", m."id", m."card_no", m."id", CASE WHEN m."active" THEN 'active'::member_card_status ELSE 'cancelled'::member_card_status END, m."created_at", m."created_at"
FROM "members" m
WHERE NOT EXISTS (SELECT 1 FROM "member_cards" c WHERE c."chain_id" = m."chain_id" AND c."member_id" = m."id")
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "members" DROP COLUMN "card_no";--> statement-breakpoint
ALTER TABLE "member_levels" ADD CONSTRAINT "member_levels_rule" CHECK (("member_levels"."rule_basis" is null) = ("member_levels"."rule_threshold" is null) and "member_levels"."rule_period_days" > 0 and ("member_levels"."rule_threshold" is null or "member_levels"."rule_threshold" >= 0));--> statement-breakpoint
ALTER TABLE "member_levels" ADD CONSTRAINT "member_levels_paid_period" CHECK ("member_levels"."paid_period_months" is null or "member_levels"."paid_period_months" between 1 and 120);