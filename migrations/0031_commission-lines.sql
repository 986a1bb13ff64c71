CREATE TABLE "commission_lines" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"line_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"net_minor" bigint NOT NULL,
	"discounted" boolean NOT NULL,
	"gift" boolean NOT NULL,
	"member_id" uuid,
	"clerk_ids" uuid[] NOT NULL,
	"share_bps" integer[] NOT NULL,
	CONSTRAINT "commission_lines_shares" CHECK (cardinality("commission_lines"."clerk_ids") = cardinality("commission_lines"."share_bps"))
);
--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "original_store_id" uuid;--> statement-breakpoint
-- Returns HQ already holds, of sales it knows.
UPDATE "returns" r SET "original_store_id" = s."store_id" FROM "sales" s WHERE s."chain_id" = r."chain_id" AND s."id" = r."original_sale_id";--> statement-breakpoint
CREATE INDEX "returns_original_store_day" ON "returns" USING btree ("chain_id","original_store_id","business_date");--> statement-breakpoint
-- Sales HQ already holds, as commission reads them; from now on each is written with its sale.
INSERT INTO "commission_lines" ("chain_id", "store_id", "business_date", "line_id", "sale_id", "line_no", "completed_at", "received_at",
  "product_id", "quantity", "net_minor", "discounted", "gift", "member_id", "clerk_ids", "share_bps")
SELECT s."chain_id", s."store_id", s."business_date", l."id", l."sale_id", l."line_no", s."completed_at", s."received_at",
  l."product_id", l."quantity", l."net_minor", l."discount_minor" > 0, l."gift_rule_id" IS NOT NULL, s."member_id",
  coalesce((SELECT array_agg(k."clerk_id" ORDER BY k."share_bp" DESC, k."clerk_id") FROM "sale_line_clerks" k WHERE k."chain_id" = l."chain_id" AND k."line_id" = l."id"), '{}'),
  coalesce((SELECT array_agg(k."share_bp" ORDER BY k."share_bp" DESC, k."clerk_id") FROM "sale_line_clerks" k WHERE k."chain_id" = l."chain_id" AND k."line_id" = l."id"), '{}')
FROM "sales" s JOIN "sale_lines" l ON l."chain_id" = s."chain_id" AND l."sale_id" = s."id"
ORDER BY s."received_at", l."id";--> statement-breakpoint
-- The key holds every column, so a store's period is read from the index alone (an index-only scan).
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_pk" PRIMARY KEY ("chain_id", "store_id", "business_date", "completed_at", "sale_id", "line_no")
  INCLUDE ("line_id", "received_at", "product_id", "quantity", "net_minor", "discounted", "gift", "member_id", "clerk_ids", "share_bps");--> statement-breakpoint
-- Only pages vacuumed since they were written are read from the index alone: vacuum after 0.5% new rows, not PostgreSQL's default 20%.
ALTER TABLE "commission_lines" SET (autovacuum_vacuum_insert_scale_factor = 0.005);
