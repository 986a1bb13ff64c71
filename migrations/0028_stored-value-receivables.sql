ALTER TYPE "public"."stored_value_entry_kind" ADD VALUE 'receivable_settlement';--> statement-breakpoint
CREATE TABLE "stored_value_receivables" (
	"chain_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"settled_minor" bigint DEFAULT 0 NOT NULL,
	"store_id" uuid NOT NULL,
	"franchisee_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"settled_by_entry" uuid,
	CONSTRAINT "stored_value_receivables_chain_id_id_pk" PRIMARY KEY("chain_id","id"),
	CONSTRAINT "stored_value_receivables_amounts" CHECK ("stored_value_receivables"."amount_minor" > 0 and "stored_value_receivables"."settled_minor" between 0 and "stored_value_receivables"."amount_minor"),
	CONSTRAINT "stored_value_receivables_settled" CHECK (("stored_value_receivables"."settled_at" is null) = ("stored_value_receivables"."settled_minor" < "stored_value_receivables"."amount_minor"))
);
--> statement-breakpoint
ALTER TABLE "stored_value_receivables" ADD CONSTRAINT "stored_value_receivables_chain_id_account_id_member_accounts_chain_id_id_fk" FOREIGN KEY ("chain_id","account_id") REFERENCES "public"."member_accounts"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stored_value_receivables_payment" ON "stored_value_receivables" USING btree ("chain_id","payment_id");--> statement-breakpoint
CREATE INDEX "stored_value_receivables_account" ON "stored_value_receivables" USING btree ("chain_id","account_id","created_at");--> statement-breakpoint
CREATE INDEX "stored_value_receivables_time" ON "stored_value_receivables" USING btree ("chain_id","created_at");