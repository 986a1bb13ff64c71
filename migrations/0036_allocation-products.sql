CREATE TABLE "allocation_products" (
	"chain_id" uuid NOT NULL,
	"allocation_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"pack_size" integer NOT NULL,
	"available" integer NOT NULL,
	"allocated" integer NOT NULL,
	"short" boolean NOT NULL,
	"claims" integer NOT NULL,
	"stores" integer[],
	"asked" integer[],
	"ideal" integer[],
	"on_hand" integer[],
	"in_transit" integer[],
	"proposed" integer[],
	"quantity" integer[],
	CONSTRAINT "allocation_products_chain_id_allocation_id_product_id_pk" PRIMARY KEY("chain_id","allocation_id","product_id"),
	CONSTRAINT "allocation_products_quantities" CHECK ("allocation_products"."pack_size" > 0 and "allocation_products"."available" >= 0 and "allocation_products"."allocated" >= 0 and "allocation_products"."claims" > 0)
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "store_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "store_priorities" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "allocation_products" ADD CONSTRAINT "allocation_products_chain_id_allocation_id_allocations_chain_id_id_fk" FOREIGN KEY ("chain_id","allocation_id") REFERENCES "public"."allocations"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_products" ADD CONSTRAINT "allocation_products_chain_id_product_id_products_chain_id_id_fk" FOREIGN KEY ("chain_id","product_id") REFERENCES "public"."products"("chain_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "allocations" a SET "store_ids" = s.ids, "store_priorities" = s.priorities
FROM (
  SELECT chain_id, allocation_id, array_agg(store_id ORDER BY store_id) AS ids, array_agg(priority ORDER BY store_id) AS priorities
  FROM (SELECT DISTINCT ON (chain_id, allocation_id, store_id) chain_id, allocation_id, store_id, (why->>'priority')::int AS priority
        FROM "allocation_lines" ORDER BY chain_id, allocation_id, store_id) one_per_store
  GROUP BY chain_id, allocation_id
) s
WHERE a.chain_id = s.chain_id AND a.id = s.allocation_id;--> statement-breakpoint
INSERT INTO "allocation_products" (chain_id, allocation_id, product_id, pack_size, available, allocated, short, claims, stores, asked, ideal, on_hand, in_transit, proposed, quantity)
SELECT l.chain_id, l.allocation_id, l.product_id, min(l.pack_size),
       CASE WHEN a.status = 'draft' THEN greatest(coalesce(min(w.quantity), 0), sum(l.quantity)) ELSE sum(l.quantity) END,
       sum(l.quantity), bool_or(l.proposed < (l.why->>'maxPacks')::int * l.pack_size), count(*),
       array_agg(array_position(a.store_ids, l.store_id) - 1 ORDER BY l.store_id),
       array_agg((l.why->>'asked')::int ORDER BY l.store_id),
       array_agg((l.why->>'ideal')::int ORDER BY l.store_id),
       array_agg((l.why->>'onHand')::int ORDER BY l.store_id),
       array_agg((l.why->>'inTransit')::int ORDER BY l.store_id),
       array_agg(l.proposed ORDER BY l.store_id),
       CASE WHEN bool_or(l.quantity <> l.proposed) THEN array_agg(l.quantity ORDER BY l.store_id) END
FROM "allocation_lines" l
JOIN "allocations" a ON a.chain_id = l.chain_id AND a.id = l.allocation_id
LEFT JOIN "stock_levels" w ON w.chain_id = a.chain_id AND w.store_id = a.warehouse_id AND w.product_id = l.product_id
GROUP BY l.chain_id, l.allocation_id, l.product_id, a.status;
