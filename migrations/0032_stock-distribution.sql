-- Stock leaves and reaches warehouses as well as stores, so a level's place is no longer only a store: the ledger keeps no foreign keys (see sales.tables.ts).
CREATE TYPE "public"."allocation_status" AS ENUM('draft', 'shipped', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."requisition_kind" AS ENUM('request', 'push');--> statement-breakpoint
CREATE TYPE "public"."requisition_status" AS ENUM('asked', 'allocated', 'shipped', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."shipment_status" AS ENUM('in_transit', 'received');--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'opening';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'receipt';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'supplier_return';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'transfer_out';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'transfer_in';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'shipment_out';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'shipment_in';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'count';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'damage';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'adjustment';--> statement-breakpoint
CREATE TABLE "product_packs" (
	"chain_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"pack_size" integer NOT NULL,
	CONSTRAINT "product_packs_chain_id_product_id_pk" PRIMARY KEY("chain_id","product_id"),
	CONSTRAINT "product_packs_size" CHECK ("product_packs"."pack_size" between 1 and 100000)
);
--> statement-breakpoint
CREATE TABLE "store_stock_settings" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"allocation_priority" integer NOT NULL,
	CONSTRAINT "store_stock_settings_chain_id_store_id_pk" PRIMARY KEY("chain_id","store_id"),
	CONSTRAINT "store_stock_settings_priority" CHECK ("store_stock_settings"."allocation_priority" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "warehouses_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "warehouses_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "allocation_lines" (
	"chain_id" uuid NOT NULL,
	"allocation_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"pack_size" integer NOT NULL,
	"proposed" integer NOT NULL,
	"quantity" integer NOT NULL,
	"why" jsonb NOT NULL,
	CONSTRAINT "allocation_lines_chain_id_allocation_id_store_id_product_id_pk" PRIMARY KEY("chain_id","allocation_id","store_id","product_id"),
	CONSTRAINT "allocation_lines_quantities" CHECK ("allocation_lines"."proposed" >= 0 and "allocation_lines"."quantity" >= 0 and "allocation_lines"."quantity" % "allocation_lines"."pack_size" = 0)
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" "allocation_status" NOT NULL,
	"requisition_ids" uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"shipped_at" timestamp with time zone,
	CONSTRAINT "allocations_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "allocations_chain_no" UNIQUE("chain_id","no")
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"chain_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_numbers_chain_id_kind_pk" PRIMARY KEY("chain_id","kind")
);
--> statement-breakpoint
CREATE TABLE "requisition_lines" (
	"chain_id" uuid NOT NULL,
	"requisition_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"asked" integer NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	"shipped" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "requisition_lines_chain_id_requisition_id_product_id_pk" PRIMARY KEY("chain_id","requisition_id","product_id"),
	CONSTRAINT "requisition_lines_quantities" CHECK ("requisition_lines"."asked" > 0 and "requisition_lines"."allocated" >= 0 and "requisition_lines"."shipped" >= 0 and "requisition_lines"."received" >= 0)
);
--> statement-breakpoint
CREATE TABLE "requisitions" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"store_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" "requisition_kind" NOT NULL,
	"status" "requisition_status" NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "requisitions_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "requisitions_chain_no" UNIQUE("chain_id","no")
);
--> statement-breakpoint
CREATE TABLE "shipment_lines" (
	"chain_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"shipped" integer NOT NULL,
	"received" integer,
	CONSTRAINT "shipment_lines_chain_id_shipment_id_product_id_pk" PRIMARY KEY("chain_id","shipment_id","product_id"),
	CONSTRAINT "shipment_lines_quantities" CHECK ("shipment_lines"."shipped" > 0 and ("shipment_lines"."received" is null or "shipment_lines"."received" >= 0))
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"allocation_id" uuid,
	"status" "shipment_status" NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	"shipped_by" uuid NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	CONSTRAINT "shipments_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "shipments_chain_no" UNIQUE("chain_id","no")
);
--> statement-breakpoint
ALTER TABLE "stock_levels" DROP CONSTRAINT "stock_levels_chain_id_store_id_stores_chain_id_id_fk";
--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN "in_transit" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_packs" ADD CONSTRAINT "product_packs_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_stock_settings" ADD CONSTRAINT "store_stock_settings_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_chain_id_allocation_id_allocations_chain_id_id_fk" FOREIGN KEY ("chain_id","allocation_id") REFERENCES "public"."allocations"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_chain_id_warehouse_id_warehouses_chain_id_id_fk" FOREIGN KEY ("chain_id","warehouse_id") REFERENCES "public"."warehouses"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_lines" ADD CONSTRAINT "requisition_lines_chain_id_requisition_id_requisitions_chain_id_id_fk" FOREIGN KEY ("chain_id","requisition_id") REFERENCES "public"."requisitions"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_lines" ADD CONSTRAINT "requisition_lines_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_chain_id_warehouse_id_warehouses_chain_id_id_fk" FOREIGN KEY ("chain_id","warehouse_id") REFERENCES "public"."warehouses"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_lines" ADD CONSTRAINT "shipment_lines_chain_id_shipment_id_shipments_chain_id_id_fk" FOREIGN KEY ("chain_id","shipment_id") REFERENCES "public"."shipments"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_warehouse" ON "allocations" USING btree ("chain_id","warehouse_id","status");--> statement-breakpoint
CREATE INDEX "requisition_lines_product" ON "requisition_lines" USING btree ("chain_id","product_id");--> statement-breakpoint
CREATE INDEX "requisitions_open" ON "requisitions" USING btree ("chain_id","warehouse_id","status","created_at");--> statement-breakpoint
CREATE INDEX "requisitions_store" ON "requisitions" USING btree ("chain_id","store_id","created_at");--> statement-breakpoint
CREATE INDEX "shipments_store" ON "shipments" USING btree ("chain_id","store_id","status");--> statement-breakpoint
CREATE INDEX "stock_levels_product" ON "stock_levels" USING btree ("chain_id","product_id");