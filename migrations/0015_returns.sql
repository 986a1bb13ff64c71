CREATE TYPE "public"."return_line_direction" AS ENUM('back', 'out');--> statement-breakpoint
CREATE TYPE "public"."return_money_direction" AS ENUM('refund', 'payment');--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'return';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_reason" ADD VALUE 'exchange';--> statement-breakpoint
CREATE TABLE "return_approvals" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"key" text NOT NULL,
	"line_id" uuid,
	"requested_by" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "return_approvals_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "return_differences" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"problem" text NOT NULL,
	"sale_line_id" uuid,
	"sale_payment_id" uuid,
	"excess" bigint NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "return_differences_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "return_lines" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"direction" "return_line_direction" NOT NULL,
	"sale_line_id" uuid,
	"product_id" uuid NOT NULL,
	"barcode" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"quantity" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "return_lines_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "return_refunds" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"direction" "return_money_direction" NOT NULL,
	"tender" "tender" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"sale_payment_id" uuid,
	"reference" text,
	CONSTRAINT "return_refunds_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "returns" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"return_no" text NOT NULL,
	"business_date" date NOT NULL,
	"currency" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"original_sale_id" uuid,
	"original_receipt_no" text,
	"reason" text NOT NULL,
	"back_minor" bigint NOT NULL,
	"clawback_minor" bigint NOT NULL,
	"out_minor" bigint NOT NULL,
	"credit_minor" bigint NOT NULL,
	"refunded_minor" bigint NOT NULL,
	"paid_minor" bigint NOT NULL,
	"rounding_minor" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "returns_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "return_policy" jsonb DEFAULT '{"clawBackPromotions":false,"managerPinAboveMinor":null,"vouchersAsCash":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD COLUMN "returns_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD COLUMN "return_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_approvals_return" ON "return_approvals" USING btree ("chain_id","return_id");--> statement-breakpoint
CREATE INDEX "return_approvals_store" ON "return_approvals" USING btree ("chain_id","store_id","at");--> statement-breakpoint
CREATE INDEX "return_differences_return" ON "return_differences" USING btree ("chain_id","return_id");--> statement-breakpoint
CREATE INDEX "return_differences_store" ON "return_differences" USING btree ("chain_id","store_id","created_at");--> statement-breakpoint
CREATE INDEX "return_lines_return" ON "return_lines" USING btree ("chain_id","return_id");--> statement-breakpoint
CREATE INDEX "return_lines_sale_line" ON "return_lines" USING btree ("chain_id","sale_line_id");--> statement-breakpoint
CREATE INDEX "return_refunds_return" ON "return_refunds" USING btree ("chain_id","return_id");--> statement-breakpoint
CREATE INDEX "return_refunds_payment" ON "return_refunds" USING btree ("chain_id","sale_payment_id");--> statement-breakpoint
CREATE INDEX "returns_store_day" ON "returns" USING btree ("chain_id","store_id","business_date");--> statement-breakpoint
CREATE INDEX "returns_original_sale" ON "returns" USING btree ("chain_id","original_sale_id");--> statement-breakpoint
CREATE INDEX "sales_receipt_no" ON "sales" USING btree ("chain_id","receipt_no");