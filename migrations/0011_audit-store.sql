ALTER TABLE "audit_entries" ADD COLUMN "store_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_entries_store" ON "audit_entries" USING btree ("chain_id","store_id","at");