CREATE TABLE "cash_movements" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"reason_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"note" text,
	"approval" jsonb,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cash_movements_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
CREATE TABLE "cash_reasons" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"direction" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cash_reasons_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "cash_reasons_chain_code" UNIQUE("chain_id","code")
);
--> statement-breakpoint
CREATE TABLE "shift_closes" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"closed_by" uuid NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"counted_cash_minor" bigint NOT NULL,
	"expected_cash_minor" bigint NOT NULL,
	"difference_minor" bigint NOT NULL,
	"denominations" jsonb,
	"totals" jsonb NOT NULL,
	"approval" jsonb,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shift_closes_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "shift_closes_one_per_shift" UNIQUE("chain_id","shift_id")
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"cashier_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"currency" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"float_minor" bigint NOT NULL,
	"denominations" jsonb,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shifts_chain_id_id_pk" PRIMARY KEY("chain_id","id")
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "shift_id" uuid;--> statement-breakpoint
ALTER TABLE "cash_reasons" ADD CONSTRAINT "cash_reasons_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_chain_id_store_id_stores_chain_id_id_fk" FOREIGN KEY ("chain_id","store_id") REFERENCES "public"."stores"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cash_movements_shift" ON "cash_movements" USING btree ("chain_id","shift_id");--> statement-breakpoint
CREATE INDEX "cash_reasons_sync" ON "cash_reasons" USING btree ("chain_id","change_seq");--> statement-breakpoint
CREATE INDEX "shifts_store_day" ON "shifts" USING btree ("chain_id","store_id","business_date");--> statement-breakpoint
CREATE INDEX "sales_shift" ON "sales" USING btree ("chain_id","shift_id");--> statement-breakpoint
-- The chain's cash reasons reach the tills by change sequence, stamped as in 0001.
CREATE TRIGGER "cash_reasons_change_seq" BEFORE INSERT OR UPDATE ON "cash_reasons" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
