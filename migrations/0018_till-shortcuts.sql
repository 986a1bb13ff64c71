CREATE TABLE "till_shortcuts" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"shortcuts" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "till_shortcuts" ADD CONSTRAINT "till_shortcuts_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "till_shortcuts_sync" ON "till_shortcuts" USING btree ("chain_id","change_seq");--> statement-breakpoint
-- The chain's till shortcuts reach the tills by change sequence, stamped as in 0001.
CREATE TRIGGER "till_shortcuts_change_seq" BEFORE INSERT OR UPDATE ON "till_shortcuts" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
