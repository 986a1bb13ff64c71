CREATE TYPE "public"."franchise_statement_figure" AS ENUM('net_sales', 'goods_supplied', 'goods_returned', 'stored_value_topped_up', 'stored_value_spent', 'stored_value_paid_out', 'stored_value_receivables_paid');--> statement-breakpoint
CREATE TYPE "public"."franchise_statement_line_kind" AS ENUM('royalty', 'goods_supplied', 'goods_returned', 'stored_value', 'late', 'fee', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."franchise_statement_status" AS ENUM('draft', 'approved');--> statement-breakpoint
CREATE TABLE "franchise_statement_figures" (
	"chain_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"franchisee_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"figure" "franchise_statement_figure" NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "franchise_statement_figures_chain_id_statement_id_period_from_figure_pk" PRIMARY KEY("chain_id","statement_id","period_from","figure")
);
--> statement-breakpoint
CREATE TABLE "franchise_statement_lines" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"kind" "franchise_statement_line_kind" NOT NULL,
	"position" integer,
	"amount_minor" bigint NOT NULL,
	"base_minor" bigint,
	"rate_bp" integer,
	"figure" "franchise_statement_figure",
	"period_key" text,
	"store_id" uuid,
	"other_store_id" uuid,
	"document_id" uuid,
	"document_no" text,
	"business_date" date,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "franchise_statement_lines_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "franchise_statement_lines_reason" CHECK ("franchise_statement_lines"."kind" not in ('fee', 'adjustment') or "franchise_statement_lines"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "franchise_statement_sales" (
	"chain_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"net_sales_minor" bigint NOT NULL,
	CONSTRAINT "franchise_statement_sales_chain_id_statement_id_store_id_from_date_pk" PRIMARY KEY("chain_id","statement_id","store_id","from_date")
);
--> statement-breakpoint
CREATE TABLE "franchise_statement_stored_value" (
	"chain_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"topped_up_minor" bigint NOT NULL,
	"spent_minor" bigint NOT NULL,
	"paid_out_minor" bigint NOT NULL,
	"receivables_paid_minor" bigint NOT NULL,
	CONSTRAINT "franchise_statement_stored_value_chain_id_statement_id_store_id_pk" PRIMARY KEY("chain_id","statement_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "franchise_statements" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"no" text NOT NULL,
	"franchisee_id" uuid NOT NULL,
	"cycle" "settlement_cycle" NOT NULL,
	"period_key" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" "franchise_statement_status" NOT NULL,
	"royalty_rate_bp" integer,
	"royalty_minor" bigint,
	"goods_minor" bigint,
	"stored_value_minor" bigint,
	"late_minor" bigint,
	"fees_minor" bigint,
	"adjustments_minor" bigint,
	"net_minor" bigint,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "franchise_statements_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "franchise_statements_chain_no" UNIQUE("chain_id","no"),
	CONSTRAINT "franchise_statements_period" UNIQUE("chain_id","franchisee_id","period_from"),
	CONSTRAINT "franchise_statements_period_order" CHECK ("franchise_statements"."period_from" <= "franchise_statements"."period_to"),
	CONSTRAINT "franchise_statements_approved" CHECK (("franchise_statements"."status" = 'approved') = ("franchise_statements"."approved_at" is not null and "franchise_statements"."net_minor" is not null and "franchise_statements"."royalty_rate_bp" is not null))
);
--> statement-breakpoint
ALTER TABLE "franchise_statement_figures" ADD CONSTRAINT "franchise_statement_figures_chain_id_statement_id_franchise_statements_chain_id_id_fk" FOREIGN KEY ("chain_id","statement_id") REFERENCES "public"."franchise_statements"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchise_statement_lines" ADD CONSTRAINT "franchise_statement_lines_chain_id_statement_id_franchise_statements_chain_id_id_fk" FOREIGN KEY ("chain_id","statement_id") REFERENCES "public"."franchise_statements"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchise_statement_sales" ADD CONSTRAINT "franchise_statement_sales_chain_id_statement_id_franchise_statements_chain_id_id_fk" FOREIGN KEY ("chain_id","statement_id") REFERENCES "public"."franchise_statements"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchise_statement_sales" ADD CONSTRAINT "franchise_statement_sales_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchise_statement_stored_value" ADD CONSTRAINT "franchise_statement_stored_value_chain_id_statement_id_franchise_statements_chain_id_id_fk" FOREIGN KEY ("chain_id","statement_id") REFERENCES "public"."franchise_statements"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchise_statement_stored_value" ADD CONSTRAINT "franchise_statement_stored_value_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "franchise_statements" ADD CONSTRAINT "franchise_statements_chain_id_franchisee_id_franchisees_chain_id_id_fk" FOREIGN KEY ("chain_id","franchisee_id") REFERENCES "public"."franchisees"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "franchise_statement_figures_period" ON "franchise_statement_figures" USING btree ("chain_id","franchisee_id","period_from");--> statement-breakpoint
CREATE INDEX "franchise_statement_lines_statement" ON "franchise_statement_lines" USING btree ("chain_id","statement_id");