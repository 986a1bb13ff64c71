CREATE TYPE "public"."price_kind" AS ENUM('retail', 'member', 'wholesale');--> statement-breakpoint
CREATE TYPE "public"."product_unit" AS ENUM('piece', 'kg', 'box', 'bottle', 'pack');--> statement-breakpoint
CREATE TYPE "public"."clerk_role" AS ENUM('cashier', 'store_manager', 'sales_clerk');--> statement-breakpoint
CREATE TYPE "public"."store_connectivity" AS ENUM('online', 'batch', 'managed');--> statement-breakpoint
CREATE TYPE "public"."store_operation" AS ENUM('direct', 'franchise');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('hq_admin', 'franchisee', 'store_manager', 'cashier');--> statement-breakpoint
CREATE TYPE "public"."tender" AS ENUM('cash', 'bank_card', 'stored_value', 'points', 'voucher');--> statement-breakpoint
CREATE TYPE "public"."stock_movement_reason" AS ENUM('sale');--> statement-breakpoint
CREATE TABLE "barcodes" (
	"chain_id" uuid NOT NULL,
	"code" text NOT NULL,
	"product_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "barcodes_chain_id_code_pk" PRIMARY KEY("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "categories_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "prices" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"store_id" uuid,
	"kind" "price_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"effective_from" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "prices_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category_id" uuid,
	"brand" text,
	"unit" "product_unit" NOT NULL,
	"weighed" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "products_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "products_chain_sku" UNIQUE("chain_id","sku")
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chains_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "clerk_sessions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"clerk_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clerk_sessions_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "clerk_sessions_token" UNIQUE("chain_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "clerks" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"role" "clerk_role" NOT NULL,
	"pin_salt" text NOT NULL,
	"pin_hash" text NOT NULL,
	"pin_iterations" integer NOT NULL,
	"failed_pin_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "clerks_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "clerks_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "franchisees" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	CONSTRAINT "franchisees_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "office_sessions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "office_sessions_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "office_sessions_token" UNIQUE("chain_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"operation" "store_operation" NOT NULL,
	"connectivity" "store_connectivity" NOT NULL,
	"franchisee_id" uuid,
	"time_zone" text NOT NULL,
	"currency" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stores_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "stores_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "till_devices" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text,
	"pairing_code_hash" text,
	"pairing_expires_at" timestamp with time zone,
	"paired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "till_devices_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "till_devices_chain_code" UNIQUE("chain_id","code"),
	CONSTRAINT "till_devices_token" UNIQUE("chain_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"franchisee_id" uuid,
	"store_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "users_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "users_chain_email" UNIQUE("chain_id","email")
);
--> statement-breakpoint
CREATE TABLE "store_day_product_sales" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"sales_minor" bigint NOT NULL,
	CONSTRAINT "store_day_product_sales_chain_id_store_id_business_date_product_id_pk" PRIMARY KEY("chain_id","store_id","business_date","product_id")
);
--> statement-breakpoint
CREATE TABLE "store_day_sales" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"sales_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tickets" integer NOT NULL,
	"items" bigint NOT NULL,
	CONSTRAINT "store_day_sales_chain_id_store_id_business_date_pk" PRIMARY KEY("chain_id","store_id","business_date")
);
--> statement-breakpoint
CREATE TABLE "sale_lines" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"barcode" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"gross_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"net_minor" bigint NOT NULL,
	"clerk_id" uuid,
	CONSTRAINT "sale_lines_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "sale_payments" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"tender" "tender" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"tendered_minor" bigint,
	"reference" text,
	CONSTRAINT "sale_payments_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"receipt_no" text NOT NULL,
	"business_date" date NOT NULL,
	"currency" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"change_minor" bigint NOT NULL,
	"item_count" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_levels_chain_id_store_id_product_id_pk" PRIMARY KEY("chain_id","store_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"delta" bigint NOT NULL,
	"reason" "stock_movement_reason" NOT NULL,
	"document_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_movements_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "barcodes" ADD CONSTRAINT "barcodes_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_chain_id_parent_id_categories_chain_id_id_fk" FOREIGN KEY ("chain_id","parent_id") REFERENCES "public"."categories"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prices" ADD CONSTRAINT "prices_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_chain_id_category_id_categories_chain_id_id_fk" FOREIGN KEY ("chain_id","category_id") REFERENCES "public"."categories"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clerk_sessions" ADD CONSTRAINT "clerk_sessions_chain_id_clerk_id_clerks_chain_id_id_fk" FOREIGN KEY ("chain_id","clerk_id") REFERENCES "public"."clerks"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clerk_sessions" ADD CONSTRAINT "clerk_sessions_chain_id_device_id_till_devices_chain_id_id_fk" FOREIGN KEY ("chain_id","device_id") REFERENCES "public"."till_devices"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clerks" ADD CONSTRAINT "clerks_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchisees" ADD CONSTRAINT "franchisees_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_sessions" ADD CONSTRAINT "office_sessions_chain_id_user_id_users_chain_id_id_fk" FOREIGN KEY ("chain_id","user_id") REFERENCES "public"."users"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_chain_id_franchisee_id_franchisees_chain_id_id_fk" FOREIGN KEY ("chain_id","franchisee_id") REFERENCES "public"."franchisees"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_devices" ADD CONSTRAINT "till_devices_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_chain_id_franchisee_id_franchisees_chain_id_id_fk" FOREIGN KEY ("chain_id","franchisee_id") REFERENCES "public"."franchisees"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD CONSTRAINT "store_day_sales_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "barcodes_product" ON "barcodes" USING btree ("chain_id","product_id");--> statement-breakpoint
CREATE INDEX "barcodes_sync" ON "barcodes" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "categories_sync" ON "categories" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "prices_product" ON "prices" USING btree ("chain_id","product_id");--> statement-breakpoint
CREATE INDEX "prices_sync" ON "prices" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "products_sync" ON "products" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "clerks_sync" ON "clerks" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "stores_sync" ON "stores" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "till_devices_pairing" ON "till_devices" USING btree ("pairing_code_hash");--> statement-breakpoint
CREATE INDEX "users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "sale_lines_sale" ON "sale_lines" USING btree ("chain_id","sale_id");--> statement-breakpoint
CREATE INDEX "sale_payments_sale" ON "sale_payments" USING btree ("chain_id","sale_id");--> statement-breakpoint
CREATE INDEX "sales_store_day" ON "sales" USING btree ("chain_id","store_id","business_date");--> statement-breakpoint
CREATE INDEX "stock_movements_store_product" ON "stock_movements" USING btree ("chain_id","store_id","product_id");--> statement-breakpoint
CREATE INDEX "stock_movements_document" ON "stock_movements" USING btree ("chain_id","document_id");