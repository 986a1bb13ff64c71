ALTER TABLE "points_settings" ADD COLUMN "change_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "points_settings_sync" ON "points_settings" USING btree ("chain_id","change_seq");--> statement-breakpoint
-- The chain's earning rules reach the tills with its points settings row (entity `points_earning`), stamped as in 0001.
CREATE TRIGGER "points_settings_change_seq" BEFORE INSERT OR UPDATE ON "points_settings" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();--> statement-breakpoint
-- A rule created, changed or deleted stamps that row again, so tills pull the rules anew; a chain without the row gets
-- `defaultPointsSettings` saved (100 points take ¥1 off, no expiry), as HQ reads a missing row.
CREATE OR REPLACE FUNCTION "points_rules_touch_settings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chain uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN chain := OLD."chain_id"; ELSE chain := NEW."chain_id"; END IF;
  INSERT INTO "points_settings" ("chain_id", "redeem_points_per_yuan", "expiry_kind", "expiry_months", "updated_at")
  VALUES (chain, 100, 'none', NULL, now())
  ON CONFLICT ("chain_id") DO UPDATE SET "updated_at" = "points_settings"."updated_at";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "points_rules_touch_settings" AFTER INSERT OR UPDATE OR DELETE ON "points_rules" FOR EACH ROW EXECUTE FUNCTION "points_rules_touch_settings"();--> statement-breakpoint
UPDATE "points_settings" SET "updated_at" = "updated_at";
