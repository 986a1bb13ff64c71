-- Goods move between stores (transfers), are counted (stock counts frozen at their start), and are replenished by per-store rules.
CREATE TYPE "public"."replenishment_policy" AS ENUM('ideal', 'sell_one_send_one');--> statement-breakpoint
CREATE TYPE "public"."stock_count_scope" AS ENUM('store', 'category', 'shelf');--> statement-breakpoint
CREATE TYPE "public"."stock_count_status" AS ENUM('open', 'posted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."transfer_status" AS ENUM('in_transit', 'received');--> statement-breakpoint
CREATE TABLE "stock_count_lines" (
	"chain_id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"book" bigint NOT NULL,
	"counted" integer,
	"counted_at" timestamp with time zone,
	"expected" bigint,
	"difference" bigint,
	CONSTRAINT "stock_count_lines_chain_id_count_id_product_id_pk" PRIMARY KEY("chain_id","count_id","product_id"),
	CONSTRAINT "stock_count_lines_counted" CHECK (("stock_count_lines"."counted" is null) = ("stock_count_lines"."counted_at" is null) and ("stock_count_lines"."counted" is null or "stock_count_lines"."counted" >= 0))
);
--> statement-breakpoint
CREATE TABLE "stock_counts" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"store_id" uuid NOT NULL,
	"scope" "stock_count_scope" NOT NULL,
	"category_id" uuid,
	"shelf" text,
	"status" "stock_count_status" NOT NULL,
	"note" text,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"posted_by" uuid,
	"posted_at" timestamp with time zone,
	CONSTRAINT "stock_counts_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "stock_counts_chain_no" UNIQUE("chain_id","no"),
	CONSTRAINT "stock_counts_scope" CHECK (("stock_counts"."scope" = 'category') = ("stock_counts"."category_id" is not null) and ("stock_counts"."scope" = 'shelf') = ("stock_counts"."shelf" is not null))
);
--> statement-breakpoint
CREATE TABLE "store_replenishment" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"policy" "replenishment_policy" NOT NULL,
	"min_quantity" integer NOT NULL,
	"max_quantity" integer NOT NULL,
	"lead_time_days" integer NOT NULL,
	"last_asked_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_replenishment_chain_id_store_id_product_id_pk" PRIMARY KEY("chain_id","store_id","product_id"),
	CONSTRAINT "store_replenishment_quantities" CHECK ("store_replenishment"."min_quantity" >= 0 and "store_replenishment"."max_quantity" >= "store_replenishment"."min_quantity" and "store_replenishment"."max_quantity" <= 1000000 and "store_replenishment"."lead_time_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "transfer_lines" (
	"chain_id" uuid NOT NULL,
	"transfer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"received" integer,
	"unit_price_minor" bigint,
	CONSTRAINT "transfer_lines_chain_id_transfer_id_product_id_pk" PRIMARY KEY("chain_id","transfer_id","product_id"),
	CONSTRAINT "transfer_lines_quantities" CHECK ("transfer_lines"."quantity" > 0 and ("transfer_lines"."received" is null or "transfer_lines"."received" >= 0) and ("transfer_lines"."unit_price_minor" is null or "transfer_lines"."unit_price_minor" >= 0))
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"from_store_id" uuid NOT NULL,
	"to_store_id" uuid NOT NULL,
	"status" "transfer_status" NOT NULL,
	"cross_owner" boolean NOT NULL,
	"note" text,
	"shipped_by" uuid NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	"received_by" uuid,
	"received_at" timestamp with time zone,
	CONSTRAINT "transfers_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "transfers_chain_no" UNIQUE("chain_id","no"),
	CONSTRAINT "transfers_two_stores" CHECK ("transfers"."from_store_id" <> "transfers"."to_store_id")
);
--> statement-breakpoint
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_chain_id_count_id_stock_counts_chain_id_id_fk" FOREIGN KEY ("chain_id","count_id") REFERENCES "public"."stock_counts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_chain_id_category_id_categories_chain_id_id_fk" FOREIGN KEY ("chain_id","category_id") REFERENCES "public"."categories"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_replenishment" ADD CONSTRAINT "store_replenishment_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_replenishment" ADD CONSTRAINT "store_replenishment_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_lines" ADD CONSTRAINT "transfer_lines_chain_id_transfer_id_transfers_chain_id_id_fk" FOREIGN KEY ("chain_id","transfer_id") REFERENCES "public"."transfers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_lines" ADD CONSTRAINT "transfer_lines_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_chain_id_from_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","from_store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_chain_id_to_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","to_store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_counts_one_open" ON "stock_counts" USING btree ("chain_id","store_id") WHERE "stock_counts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "stock_counts_store" ON "stock_counts" USING btree ("chain_id","store_id","started_at");--> statement-breakpoint
CREATE INDEX "store_replenishment_product" ON "store_replenishment" USING btree ("chain_id","product_id");--> statement-breakpoint
CREATE INDEX "transfers_from" ON "transfers" USING btree ("chain_id","from_store_id","shipped_at");--> statement-breakpoint
CREATE INDEX "transfers_to" ON "transfers" USING btree ("chain_id","to_store_id","shipped_at");