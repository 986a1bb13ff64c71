-- Every row a till pulls carries a change sequence number stamped here, on insert and update.
-- The per-chain advisory lock, held until commit, makes sequence order equal commit order
-- within a chain, so a till that has pulled up to N can never later miss a row below N.
CREATE SEQUENCE IF NOT EXISTS "sync_change_seq" AS bigint;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "stamp_change_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7301, hashtext(NEW.chain_id::text));
  NEW.change_seq := nextval('sync_change_seq');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "stores_change_seq" BEFORE INSERT OR UPDATE ON "stores" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "categories_change_seq" BEFORE INSERT OR UPDATE ON "categories" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "products_change_seq" BEFORE INSERT OR UPDATE ON "products" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "barcodes_change_seq" BEFORE INSERT OR UPDATE ON "barcodes" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "prices_change_seq" BEFORE INSERT OR UPDATE ON "prices" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "clerks_change_seq" BEFORE INSERT OR UPDATE OF "store_id", "code", "name", "role", "pin_salt", "pin_hash", "pin_iterations", "active" ON "clerks" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
