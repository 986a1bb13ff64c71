CREATE TYPE "public"."audit_actor_kind" AS ENUM('user', 'clerk', 'device', 'system');--> statement-breakpoint
CREATE TYPE "public"."product_status" AS ENUM('new', 'normal', 'discontinued');--> statement-breakpoint
CREATE TYPE "public"."settlement_cycle" AS ENUM('monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."store_event_kind" AS ENUM('opened', 'closed', 'reopened', 'franchisee_changed', 'region_changed');--> statement-breakpoint
CREATE TYPE "public"."store_pricing_policy" AS ENUM('hq_only', 'franchisee', 'franchisee_and_store_manager');--> statement-breakpoint
CREATE TYPE "public"."permission_role_kind" AS ENUM('office', 'till');--> statement-breakpoint
CREATE TYPE "public"."supplier_settlement" AS ENUM('monthly', 'on_delivery');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'region_manager' BEFORE 'franchisee';--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" "audit_actor_kind" NOT NULL,
	"actor_id" uuid,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_entries_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "brands_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "brands_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "product_costs" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"supplier_id" uuid,
	"amount_minor" bigint NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_costs_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "product_costs_not_negative" CHECK ("product_costs"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store_price_bands" (
	"chain_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"min_minor" bigint NOT NULL,
	"max_minor" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_price_bands_chain_id_product_id_pk" PRIMARY KEY("chain_id","product_id"),
	CONSTRAINT "store_price_bands_order" CHECK (0 <= "store_price_bands"."min_minor" and "store_price_bands"."min_minor" <= "store_price_bands"."max_minor")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "regions_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "regions_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "store_events" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"kind" "store_event_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"from_franchisee_id" uuid,
	"to_franchisee_id" uuid,
	"from_region_id" uuid,
	"to_region_id" uuid,
	"note" text,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_events_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "permission_roles" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" "permission_role_kind" NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "permission_roles_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "permission_roles_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "report_outputs" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"report" text NOT NULL,
	"format" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_outputs_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "sale_approvals" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"key" text NOT NULL,
	"line_id" uuid,
	"requested_by" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "sale_approvals_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "supplier_products" (
	"chain_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"cost_minor" bigint NOT NULL,
	"supplier_sku" text,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supplier_products_chain_id_supplier_id_product_id_pk" PRIMARY KEY("chain_id","supplier_id","product_id"),
	CONSTRAINT "supplier_products_cost" CHECK ("supplier_products"."cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"contact_name" text,
	"phone" text,
	"email" text,
	"address" text,
	"settlement" "supplier_settlement" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "suppliers_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "suppliers_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "sort_order" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "brand_id" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "supplier_id" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "status" "product_status" DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "discontinued_from" date;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "pinyin" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "pinyin_initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attribute_1" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attribute_2" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attribute_3" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attribute_4" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attribute_5" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attribute_6" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "product_attribute_names" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "store_pricing_policy" "store_pricing_policy" DEFAULT 'hq_only' NOT NULL;--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "store_price_band_bp" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "clerks" ADD COLUMN "badge_code" text;--> statement-breakpoint
ALTER TABLE "clerks" ADD COLUMN "commission_grade" text;--> statement-breakpoint
ALTER TABLE "clerks" ADD COLUMN "permission_role_id" uuid;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "code" text;--> statement-breakpoint
-- Franchisees made before codes existed are numbered F01, F02… in the order of their names.
UPDATE "franchisees" f SET "code" = n."code" FROM (SELECT "chain_id", "id", 'F' || lpad((row_number() OVER (PARTITION BY "chain_id" ORDER BY "name", "id"))::text, 2, '0') AS "code" FROM "franchisees") n WHERE f."chain_id" = n."chain_id" AND f."id" = n."id";--> statement-breakpoint
ALTER TABLE "franchisees" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "royalty_rate_bp" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "settlement_cycle" "settlement_cycle" DEFAULT 'monthly' NOT NULL;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "credit_limit_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "contract_start" date;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "contract_end" date;--> statement-breakpoint
ALTER TABLE "franchisees" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "opened_on" date;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "permission_role_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_costs" ADD CONSTRAINT "product_costs_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_costs" ADD CONSTRAINT "product_costs_chain_id_supplier_id_suppliers_chain_id_id_fk" FOREIGN KEY ("chain_id","supplier_id") REFERENCES "public"."suppliers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_price_bands" ADD CONSTRAINT "store_price_bands_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_chain_id_parent_id_regions_chain_id_id_fk" FOREIGN KEY ("chain_id","parent_id") REFERENCES "public"."regions"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_events" ADD CONSTRAINT "store_events_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permission_roles" ADD CONSTRAINT "permission_roles_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_products" ADD CONSTRAINT "supplier_products_chain_id_supplier_id_suppliers_chain_id_id_fk" FOREIGN KEY ("chain_id","supplier_id") REFERENCES "public"."suppliers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_products" ADD CONSTRAINT "supplier_products_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_at" ON "audit_entries" USING btree ("chain_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_entity" ON "audit_entries" USING btree ("chain_id","entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "product_costs_product" ON "product_costs" USING btree ("chain_id","product_id","effective_from");--> statement-breakpoint
CREATE INDEX "store_events_store" ON "store_events" USING btree ("chain_id","store_id","effective_on");--> statement-breakpoint
CREATE INDEX "permission_roles_sync" ON "permission_roles" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "report_outputs_user" ON "report_outputs" USING btree ("chain_id","user_id","report","at");--> statement-breakpoint
CREATE INDEX "sale_approvals_sale" ON "sale_approvals" USING btree ("chain_id","sale_id");--> statement-breakpoint
CREATE INDEX "sale_approvals_store" ON "sale_approvals" USING btree ("chain_id","store_id","at");--> statement-breakpoint
CREATE INDEX "supplier_products_product" ON "supplier_products" USING btree ("chain_id","product_id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_chain_id_brand_id_brands_chain_id_id_fk" FOREIGN KEY ("chain_id","brand_id") REFERENCES "public"."brands"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_chain_id_supplier_id_suppliers_chain_id_id_fk" FOREIGN KEY ("chain_id","supplier_id") REFERENCES "public"."suppliers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clerks" ADD CONSTRAINT "clerks_chain_id_permission_role_id_permission_roles_chain_id_id_fk" FOREIGN KEY ("chain_id","permission_role_id") REFERENCES "public"."permission_roles"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_chain_id_region_id_regions_chain_id_id_fk" FOREIGN KEY ("chain_id","region_id") REFERENCES "public"."regions"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_chain_id_region_id_regions_chain_id_id_fk" FOREIGN KEY ("chain_id","region_id") REFERENCES "public"."regions"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_chain_id_permission_role_id_permission_roles_chain_id_id_fk" FOREIGN KEY ("chain_id","permission_role_id") REFERENCES "public"."permission_roles"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_category" ON "products" USING btree ("chain_id","category_id");--> statement-breakpoint
CREATE INDEX "products_brand" ON "products" USING btree ("chain_id","brand_id");--> statement-breakpoint
CREATE INDEX "products_pinyin_initials" ON "products" USING btree ("chain_id","pinyin_initials");--> statement-breakpoint
CREATE INDEX "stores_franchisee" ON "stores" USING btree ("chain_id","franchisee_id");--> statement-breakpoint
ALTER TABLE "clerks" ADD CONSTRAINT "clerks_chain_badge" UNIQUE("chain_id","badge_code");--> statement-breakpoint
ALTER TABLE "franchisees" ADD CONSTRAINT "franchisees_chain_code" UNIQUE("chain_id","code");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_discontinued_from" CHECK ("products"."discontinued_from" is null or "products"."status" = 'discontinued');--> statement-breakpoint
ALTER TABLE "chain_settings" ADD CONSTRAINT "chain_settings_price_band" CHECK ("chain_settings"."store_price_band_bp" between 0 and 10000);--> statement-breakpoint
ALTER TABLE "franchisees" ADD CONSTRAINT "franchisees_royalty" CHECK ("franchisees"."royalty_rate_bp" between 0 and 10000);--> statement-breakpoint
ALTER TABLE "franchisees" ADD CONSTRAINT "franchisees_credit" CHECK ("franchisees"."credit_limit_minor" >= 0);