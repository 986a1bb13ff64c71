CREATE TYPE "public"."commission_result_kind" AS ENUM('sales', 'clawback', 'late_sale', 'pool_share', 'pool_total', 'unassigned', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."commission_target_kind" AS ENUM('clerk', 'pool');--> statement-breakpoint
CREATE TABLE "commission_adjustments" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"store_id" uuid NOT NULL,
	"beneficiary_kind" text NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"origin_period" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commission_adjustments_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "commission_duty" (
	"chain_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"clerk_id" uuid NOT NULL,
	"date" date NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "commission_duty_chain_id_pool_id_date_clerk_id_pk" PRIMARY KEY("chain_id","pool_id","date","clerk_id"),
	CONSTRAINT "commission_duty_minutes" CHECK ("commission_duty"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "commission_plans" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"exclusions" jsonb NOT NULL,
	"pool_share" text NOT NULL,
	"grade_weights" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commission_plans_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "commission_plans_span" CHECK ("commission_plans"."valid_to" is null or "commission_plans"."valid_from" <= "commission_plans"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "commission_results" (
	"chain_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"store_id" uuid NOT NULL,
	"franchisee_id" uuid,
	"beneficiary_kind" text NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"kind" "commission_result_kind" NOT NULL,
	"origin_period" text DEFAULT '' NOT NULL,
	"base_minor" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "commission_results_pk" PRIMARY KEY("chain_id","period_key","store_id","beneficiary_kind","beneficiary_id","kind","origin_period")
);
--> statement-breakpoint
CREATE TABLE "commission_settings" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"cycle_start_day" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commission_settings_start_day" CHECK ("commission_settings"."cycle_start_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "commission_store_periods" (
	"chain_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"store_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"measures" jsonb NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "commission_store_periods_chain_id_period_key_store_id_pk" PRIMARY KEY("chain_id","period_key","store_id")
);
--> statement-breakpoint
CREATE TABLE "commission_targets" (
	"chain_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"kind" "commission_target_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "commission_targets_chain_id_period_key_kind_subject_id_pk" PRIMARY KEY("chain_id","period_key","kind","subject_id"),
	CONSTRAINT "commission_targets_amount" CHECK ("commission_targets"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category_ids" uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "counters_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "counters_store_code" UNIQUE("chain_id","store_id","code")
);
--> statement-breakpoint
ALTER TABLE "commission_duty" ADD CONSTRAINT "commission_duty_chain_id_clerk_id_clerks_chain_id_id_fk" FOREIGN KEY ("chain_id","clerk_id") REFERENCES "public"."clerks"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_settings" ADD CONSTRAINT "commission_settings_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_store_periods" ADD CONSTRAINT "commission_store_periods_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_adjustments_store" ON "commission_adjustments" USING btree ("chain_id","store_id","period_key");--> statement-breakpoint
CREATE INDEX "commission_duty_store" ON "commission_duty" USING btree ("chain_id","store_id","date");--> statement-breakpoint
CREATE INDEX "commission_plans_span" ON "commission_plans" USING btree ("chain_id","valid_from");--> statement-breakpoint
CREATE INDEX "commission_results_beneficiary" ON "commission_results" USING btree ("chain_id","beneficiary_id","period_key");--> statement-breakpoint
CREATE INDEX "commission_targets_store" ON "commission_targets" USING btree ("chain_id","store_id","period_key");--> statement-breakpoint
CREATE INDEX "sales_store_received" ON "sales" USING btree ("chain_id","store_id","received_at");