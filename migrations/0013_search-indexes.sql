-- pg_trgm backs the text searches' GIN indexes below. It is a trusted extension (PostgreSQL 13+), so the database's owner may create it; PGlite loads it as a contrib extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "prices" ADD COLUMN "effective_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "products_sku_trgm" ON "products" USING gin ("sku" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_name_zh_trgm" ON "products" USING gin ("name_zh" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_name_en_trgm" ON "products" USING gin ("name_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_pinyin_trgm" ON "products" USING gin ("pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_pinyin_initials_trgm" ON "products" USING gin ("pinyin_initials" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_card_no_trgm" ON "members" USING gin ("card_no" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_name_trgm" ON "members" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_name_pinyin_trgm" ON "members" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_name_initials_trgm" ON "members" USING gin ("name_initials" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_phone_trgm" ON "members" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sale_lines_product" ON "sale_lines" USING btree ("chain_id","product_id");