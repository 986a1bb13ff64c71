-- Brands were free text on each product; each distinct name becomes a brand of its chain, coded B0001…
INSERT INTO "brands" ("chain_id", "id", "code", "name_zh", "name_en")
SELECT "chain_id", gen_random_uuid(), 'B' || lpad((row_number() OVER (PARTITION BY "chain_id" ORDER BY "brand"))::text, 4, '0'), "brand", "brand"
FROM (SELECT DISTINCT "chain_id", "brand" FROM "products" WHERE "brand" IS NOT NULL AND "brand" <> '') named;--> statement-breakpoint
UPDATE "products" p SET "brand_id" = b."id" FROM "brands" b WHERE b."chain_id" = p."chain_id" AND b."name_en" = p."brand";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "brand";--> statement-breakpoint
-- Till roles reach the tills by change sequence, stamped as in 0001.
CREATE TRIGGER "permission_roles_change_seq" BEFORE INSERT OR UPDATE ON "permission_roles" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();--> statement-breakpoint
-- A clerk's badge and till role reach the tills too; failed-PIN counters still do not.
DROP TRIGGER "clerks_change_seq" ON "clerks";--> statement-breakpoint
CREATE TRIGGER "clerks_change_seq" BEFORE INSERT OR UPDATE OF "store_id", "code", "name", "role", "badge_code", "permission_role_id", "pin_salt", "pin_hash", "pin_iterations", "active" ON "clerks" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
