-- The pairs of characters of a text, lower case (百事可乐 → {百事, 事可, 可乐}): an index on them finds a two-character text anywhere in a name, which has no trigram to look for. Made here, before the index that uses it; a plain SQL function, so PostgreSQL and PGlite alike have it.
CREATE FUNCTION "text_bigrams"("text" text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower("text"), i, 2)), '{}') FROM generate_series(1, char_length("text") - 1) AS i
$$;--> statement-breakpoint
DROP INDEX "products_pinyin_initials";--> statement-breakpoint
CREATE INDEX "products_name_zh_bigrams" ON "products" USING gin (text_bigrams("name_zh"));--> statement-breakpoint
CREATE INDEX "products_sku_prefix" ON "products" USING btree ("chain_id",lower("sku") collate "C");--> statement-breakpoint
CREATE INDEX "products_name_zh_prefix" ON "products" USING btree ("chain_id",lower("name_zh") collate "C");--> statement-breakpoint
CREATE INDEX "products_name_en_prefix" ON "products" USING btree ("chain_id",lower("name_en") collate "C");--> statement-breakpoint
CREATE INDEX "products_pinyin_prefix" ON "products" USING btree ("chain_id","pinyin" collate "C");--> statement-breakpoint
CREATE INDEX "products_pinyin_initials" ON "products" USING btree ("chain_id","pinyin_initials" collate "C");