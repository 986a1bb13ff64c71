CREATE TYPE "public"."assortment_mode" AS ENUM('listed', 'all_except');--> statement-breakpoint
CREATE TYPE "public"."cash_rounding_mode" AS ENUM('half_up', 'down');--> statement-breakpoint
CREATE TABLE "assortment_items" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "assortment_items_chain_id_store_id_product_id_pk" PRIMARY KEY("chain_id","store_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "store_assortments" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"mode" "assortment_mode" NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "store_assortments_chain_id_store_id_pk" PRIMARY KEY("chain_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "chain_settings" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"cash_rounding_unit_minor" integer DEFAULT 1 NOT NULL,
	"cash_rounding_mode" "cash_rounding_mode" DEFAULT 'half_up' NOT NULL,
	"scale_layouts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "chain_settings_rounding_unit" CHECK ("chain_settings"."cash_rounding_unit_minor" in (1, 10, 100))
);
--> statement-breakpoint
CREATE TABLE "members" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"card_no" text NOT NULL,
	"phone" text,
	"name" text NOT NULL,
	"level_id" uuid NOT NULL,
	"birthday" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "members_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "members_chain_card" UNIQUE("chain_id","card_no")
);
--> statement-breakpoint
CREATE TABLE "promotion_revisions" (
	"chain_id" uuid NOT NULL,
	"promotion_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"status" "promotion_status" NOT NULL,
	"rule" jsonb NOT NULL,
	"in_force_from" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_revisions_chain_id_promotion_id_revision_pk" PRIMARY KEY("chain_id","promotion_id","revision")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "scale_item_code" text;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD COLUMN "rounding_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD COLUMN "gift_rule_id" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "rounding_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assortment_items" ADD CONSTRAINT "assortment_items_chain_id_store_id_store_assortments_chain_id_store_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."store_assortments"("chain_id","store_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assortment_items" ADD CONSTRAINT "assortment_items_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_assortments" ADD CONSTRAINT "store_assortments_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_settings" ADD CONSTRAINT "chain_settings_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_chain_id_level_id_member_levels_chain_id_id_fk" FOREIGN KEY ("chain_id","level_id") REFERENCES "public"."member_levels"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_revisions" ADD CONSTRAINT "promotion_revisions_chain_id_promotion_id_promotions_chain_id_id_fk" FOREIGN KEY ("chain_id","promotion_id") REFERENCES "public"."promotions"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assortment_items_sync" ON "assortment_items" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "store_assortments_sync" ON "store_assortments" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "chain_settings_sync" ON "chain_settings" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "members_phone" ON "members" USING btree ("chain_id","phone");--> statement-breakpoint
CREATE INDEX "promotion_revisions_time" ON "promotion_revisions" USING btree ("chain_id","in_force_from");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_chain_scale_item" UNIQUE("chain_id","scale_item_code");