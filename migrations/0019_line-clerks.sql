CREATE TABLE "sale_line_clerks" (
	"chain_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"clerk_id" uuid NOT NULL,
	"share_bp" integer NOT NULL,
	CONSTRAINT "sale_line_clerks_chain_id_line_id_clerk_id_pk" PRIMARY KEY("chain_id","line_id","clerk_id"),
	CONSTRAINT "sale_line_clerks_share" CHECK ("sale_line_clerks"."share_bp" between 1 and 10000)
);
--> statement-breakpoint
CREATE INDEX "sale_line_clerks_sale" ON "sale_line_clerks" USING btree ("chain_id","sale_id");--> statement-breakpoint
CREATE INDEX "sale_line_clerks_clerk" ON "sale_line_clerks" USING btree ("chain_id","clerk_id");--> statement-breakpoint
-- Lines credited to a clerk before shares were kept are credited to that clerk wholly.
INSERT INTO "sale_line_clerks" ("chain_id", "sale_id", "line_id", "clerk_id", "share_bp")
SELECT "chain_id", "sale_id", "id", "clerk_id", 10000 FROM "sale_lines" WHERE "clerk_id" IS NOT NULL
ON CONFLICT DO NOTHING;
