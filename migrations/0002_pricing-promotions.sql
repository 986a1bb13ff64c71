CREATE TYPE "public"."promotion_status" AS ENUM('draft', 'active', 'paused', 'archived');--> statement-breakpoint
CREATE TABLE "member_levels" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "member_levels_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "member_levels_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "pricing_discrepancies" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"line_id" uuid,
	"till_minor" bigint NOT NULL,
	"hq_minor" bigint NOT NULL,
	"difference_minor" bigint NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pricing_discrepancies_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status" "promotion_status" NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"rule" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "promotions_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "prices" ADD COLUMN "member_level_id" uuid;--> statement-breakpoint
ALTER TABLE "member_levels" ADD CONSTRAINT "member_levels_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_levels_sync" ON "member_levels" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "pricing_discrepancies_sale" ON "pricing_discrepancies" USING btree ("chain_id","sale_id");--> statement-breakpoint
CREATE INDEX "pricing_discrepancies_store_time" ON "pricing_discrepancies" USING btree ("chain_id","store_id","created_at");--> statement-breakpoint
CREATE INDEX "promotions_status" ON "promotions" USING btree ("chain_id","status");--> statement-breakpoint
CREATE INDEX "promotions_sync" ON "promotions" USING btree ("chain_id","change_seq");--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_chain_id_member_level_id_member_levels_chain_id_id_fk" FOREIGN KEY ("chain_id","member_level_id") REFERENCES "public"."member_levels"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_member_level_only_for_member" CHECK ("prices"."kind" = 'member' or "prices"."member_level_id" is null);