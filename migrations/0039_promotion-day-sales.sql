CREATE TABLE "promotion_day_sales" (
	"chain_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"business_date" date NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"discount_minor" bigint NOT NULL,
	"gift_units" bigint NOT NULL,
	"gift_cost_minor" bigint NOT NULL,
	CONSTRAINT "promotion_day_sales_chain_id_rule_id_business_date_store_id_product_id_pk" PRIMARY KEY("chain_id","rule_id","business_date","store_id","product_id")
);
--> statement-breakpoint
-- Gifts already held, by the promotion each gift line names, at the cost in force when sold. Which promotion gave
-- the discounts of sales taken in before this roll-up was not kept, so promotions' discounts count from here on.
INSERT INTO promotion_day_sales (chain_id, rule_id, business_date, store_id, product_id, discount_minor, gift_units, gift_cost_minor)
SELECT l.chain_id, l.gift_rule_id, s.business_date, s.store_id, l.product_id, 0, sum(l.quantity),
	coalesce(sum(l.quantity * (SELECT pc.amount_minor FROM product_costs pc WHERE pc.chain_id = l.chain_id AND pc.product_id = l.product_id
		AND pc.effective_from <= s.completed_at ORDER BY pc.effective_from DESC, pc.entered_at DESC LIMIT 1)), 0)
FROM sale_lines l JOIN sales s ON s.chain_id = l.chain_id AND s.id = l.sale_id
WHERE l.gift_rule_id IS NOT NULL
GROUP BY l.chain_id, l.gift_rule_id, s.business_date, s.store_id, l.product_id;
