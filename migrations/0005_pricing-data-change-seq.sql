-- Chain settings and assortments reach the tills by change sequence, stamped as in 0001.
CREATE TRIGGER "chain_settings_change_seq" BEFORE INSERT OR UPDATE ON "chain_settings" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "store_assortments_change_seq" BEFORE INSERT OR UPDATE ON "store_assortments" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "assortment_items_change_seq" BEFORE INSERT OR UPDATE ON "assortment_items" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
-- Every chain has its settings row: no cash rounding and no scale layouts until HQ sets them.
INSERT INTO "chain_settings" ("chain_id", "updated_at") SELECT "id", now() FROM "chains";
--> statement-breakpoint
-- Promotions saved before revisions were kept count as in force since their last save.
INSERT INTO "promotion_revisions" ("chain_id", "promotion_id", "revision", "status", "rule", "in_force_from")
SELECT "chain_id", "id", 1, "status", "rule", "updated_at" FROM "promotions";
