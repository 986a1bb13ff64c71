-- Goods are ordered from and received from suppliers, or sent back to them, and each level keeps its value at cost for the moving-average cost (stock already on hand is valued at its product's cost in force).
CREATE TYPE "public"."purchase_order_status" AS ENUM('open', 'partly_received', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."supplier_return_reason" AS ENUM('damaged', 'expired', 'wrong_goods', 'overstock', 'recall', 'other');--> statement-breakpoint
CREATE TABLE "goods_receipt_lines" (
	"chain_id" uuid NOT NULL,
	"receipt_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost_minor" bigint NOT NULL,
	"expected" bigint,
	CONSTRAINT "goods_receipt_lines_chain_id_receipt_id_product_id_pk" PRIMARY KEY("chain_id","receipt_id","product_id"),
	CONSTRAINT "goods_receipt_lines_quantity" CHECK ("goods_receipt_lines"."quantity" >= 0),
	CONSTRAINT "goods_receipt_lines_cost" CHECK ("goods_receipt_lines"."unit_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "goods_receipts" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"purchase_order_id" uuid,
	"note" text,
	"received_by" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "goods_receipts_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "goods_receipts_chain_no" UNIQUE("chain_id","no")
);
--> statement-breakpoint
CREATE TABLE "purchase_order_lines" (
	"chain_id" uuid NOT NULL,
	"purchase_order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost_minor" bigint NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "purchase_order_lines_chain_id_purchase_order_id_product_id_pk" PRIMARY KEY("chain_id","purchase_order_id","product_id"),
	CONSTRAINT "purchase_order_lines_quantity" CHECK ("purchase_order_lines"."quantity" > 0 and "purchase_order_lines"."received" >= 0),
	CONSTRAINT "purchase_order_lines_cost" CHECK ("purchase_order_lines"."unit_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_orders" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"status" "purchase_order_status" NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "purchase_orders_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "purchase_orders_chain_no" UNIQUE("chain_id","no")
);
--> statement-breakpoint
CREATE TABLE "supplier_return_lines" (
	"chain_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_cost_minor" bigint NOT NULL,
	CONSTRAINT "supplier_return_lines_chain_id_return_id_product_id_pk" PRIMARY KEY("chain_id","return_id","product_id"),
	CONSTRAINT "supplier_return_lines_quantity" CHECK ("supplier_return_lines"."quantity" > 0),
	CONSTRAINT "supplier_return_lines_cost" CHECK ("supplier_return_lines"."unit_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supplier_returns" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"reason" "supplier_return_reason" NOT NULL,
	"note" text,
	"returned_by" uuid NOT NULL,
	"returned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supplier_returns_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "supplier_returns_chain_no" UNIQUE("chain_id","no")
);
--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN "value_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "goods_receipt_lines" ADD CONSTRAINT "goods_receipt_lines_chain_id_receipt_id_goods_receipts_chain_id_id_fk" FOREIGN KEY ("chain_id","receipt_id") REFERENCES "public"."goods_receipts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_receipt_lines" ADD CONSTRAINT "goods_receipt_lines_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_chain_id_supplier_id_suppliers_chain_id_id_fk" FOREIGN KEY ("chain_id","supplier_id") REFERENCES "public"."suppliers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_receipts" ADD CONSTRAINT "goods_receipts_chain_id_purchase_order_id_purchase_orders_chain_id_id_fk" FOREIGN KEY ("chain_id","purchase_order_id") REFERENCES "public"."purchase_orders"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_chain_id_purchase_order_id_purchase_orders_chain_id_id_fk" FOREIGN KEY ("chain_id","purchase_order_id") REFERENCES "public"."purchase_orders"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_chain_id_supplier_id_suppliers_chain_id_id_fk" FOREIGN KEY ("chain_id","supplier_id") REFERENCES "public"."suppliers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_return_lines" ADD CONSTRAINT "supplier_return_lines_chain_id_return_id_supplier_returns_chain_id_id_fk" FOREIGN KEY ("chain_id","return_id") REFERENCES "public"."supplier_returns"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_return_lines" ADD CONSTRAINT "supplier_return_lines_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_returns" ADD CONSTRAINT "supplier_returns_chain_id_supplier_id_suppliers_chain_id_id_fk" FOREIGN KEY ("chain_id","supplier_id") REFERENCES "public"."suppliers"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goods_receipts_place" ON "goods_receipts" USING btree ("chain_id","place_id","received_at");--> statement-breakpoint
CREATE INDEX "goods_receipts_purchase_order" ON "goods_receipts" USING btree ("chain_id","purchase_order_id");--> statement-breakpoint
CREATE INDEX "purchase_order_lines_product" ON "purchase_order_lines" USING btree ("chain_id","product_id");--> statement-breakpoint
CREATE INDEX "purchase_orders_place" ON "purchase_orders" USING btree ("chain_id","place_id","created_at");--> statement-breakpoint
CREATE INDEX "supplier_returns_place" ON "supplier_returns" USING btree ("chain_id","place_id","returned_at");--> statement-breakpoint
UPDATE "stock_levels" l SET "value_minor" = l."quantity" * coalesce((
  SELECT pc."amount_minor" FROM "product_costs" pc
   WHERE pc."chain_id" = l."chain_id" AND pc."product_id" = l."product_id" AND pc."effective_from" <= now()
   ORDER BY pc."effective_from" DESC, pc."entered_at" DESC LIMIT 1), 0)
 WHERE l."quantity" > 0;
