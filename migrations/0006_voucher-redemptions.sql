CREATE TABLE "voucher_redemptions" (
	"chain_id" uuid NOT NULL,
	"code" text NOT NULL,
	"sale_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"redeemed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voucher_redemptions_chain_id_code_pk" PRIMARY KEY("chain_id","code")
);
