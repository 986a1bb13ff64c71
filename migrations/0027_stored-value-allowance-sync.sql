ALTER TABLE "membership_settings" ADD COLUMN "change_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "membership_settings_sync" ON "membership_settings" USING btree ("chain_id","change_seq");--> statement-breakpoint
-- The chain's offline stored-value allowance reaches the tills by change sequence, stamped as in 0001; rows saved before are stamped now.
CREATE TRIGGER "membership_settings_change_seq" BEFORE INSERT OR UPDATE ON "membership_settings" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();--> statement-breakpoint
UPDATE "membership_settings" SET "updated_at" = "updated_at";
