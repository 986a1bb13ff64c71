CREATE TYPE "public"."sales_breakdown_kind" AS ENUM('hour', 'clerk', 'member_level', 'tender');--> statement-breakpoint
CREATE TABLE "sales_breakdowns" (
	"chain_id" uuid NOT NULL,
	"kind" "sales_breakdown_kind" NOT NULL,
	"business_date" date NOT NULL,
	"store_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sales_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tickets" integer NOT NULL,
	"items" bigint NOT NULL,
	CONSTRAINT "sales_breakdowns_chain_id_kind_business_date_store_id_key_pk" PRIMARY KEY("chain_id","kind","business_date","store_id","key")
);
--> statement-breakpoint
ALTER TABLE "store_day_product_sales" ADD COLUMN "discount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_product_sales" ADD COLUMN "tickets" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_product_sales" ADD COLUMN "returned_quantity" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_product_sales" ADD COLUMN "returns_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_product_sales" ADD COLUMN "cost_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_product_sales" ADD COLUMN "uncosted_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD COLUMN "cost_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD COLUMN "uncosted_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_day_sales" ADD COLUMN "margin_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Fill the new roll-up columns from the sales and returns already held: goods at their cost in force when sold, goods back or out at the cost when the return came in.
WITH costed AS (
	SELECT s.chain_id, s.store_id, s.business_date, l.product_id, l.sale_id, l.quantity, 0::bigint AS returned, l.net_minor AS amount, l.discount_minor,
		0::bigint AS returns_minor, l.quantity * (SELECT pc.amount_minor FROM product_costs pc WHERE pc.chain_id = l.chain_id AND pc.product_id = l.product_id
			AND pc.effective_from <= s.completed_at ORDER BY pc.effective_from DESC, pc.entered_at DESC LIMIT 1) AS cost_minor
	FROM sale_lines l JOIN sales s ON s.chain_id = l.chain_id AND s.id = l.sale_id
	UNION ALL
	SELECT r.chain_id, r.store_id, r.business_date, rl.product_id, NULL, CASE WHEN rl.direction = 'back' THEN -rl.quantity ELSE rl.quantity END,
		CASE WHEN rl.direction = 'back' THEN rl.quantity ELSE 0 END, CASE WHEN rl.direction = 'back' THEN -rl.amount_minor ELSE rl.amount_minor END, 0,
		CASE WHEN rl.direction = 'back' THEN rl.amount_minor ELSE 0 END,
		CASE WHEN rl.direction = 'back' THEN -rl.quantity ELSE rl.quantity END * (SELECT pc.amount_minor FROM product_costs pc WHERE pc.chain_id = rl.chain_id
			AND pc.product_id = rl.product_id AND pc.effective_from <= r.received_at ORDER BY pc.effective_from DESC, pc.entered_at DESC LIMIT 1)
	FROM return_lines rl JOIN returns r ON r.chain_id = rl.chain_id AND r.id = rl.return_id
),
per_product AS (
	SELECT chain_id, store_id, business_date, product_id, sum(discount_minor) AS discount_minor, count(DISTINCT sale_id) AS tickets,
		sum(returned) AS returned_quantity, sum(returns_minor) AS returns_minor, coalesce(sum(cost_minor), 0) AS cost_minor,
		coalesce(sum(amount) FILTER (WHERE cost_minor IS NULL), 0) AS uncosted_minor
	FROM costed GROUP BY chain_id, store_id, business_date, product_id
)
UPDATE store_day_product_sales d SET discount_minor = p.discount_minor, tickets = p.tickets, returned_quantity = p.returned_quantity,
	returns_minor = p.returns_minor, cost_minor = p.cost_minor, uncosted_minor = p.uncosted_minor
FROM per_product p
WHERE d.chain_id = p.chain_id AND d.store_id = p.store_id AND d.business_date = p.business_date AND d.product_id = p.product_id;--> statement-breakpoint
UPDATE store_day_sales d SET cost_minor = p.cost_minor, uncosted_minor = p.uncosted_minor, margin_minor = p.margin_minor
FROM (
	SELECT chain_id, store_id, business_date, sum(cost_minor) AS cost_minor, sum(uncosted_minor) AS uncosted_minor,
		sum(sales_minor - uncosted_minor - cost_minor) AS margin_minor
	FROM store_day_product_sales GROUP BY chain_id, store_id, business_date
) p
WHERE d.chain_id = p.chain_id AND d.store_id = p.store_id AND d.business_date = p.business_date;--> statement-breakpoint
-- Sales already held go by their member's level today (the level when sold was not kept).
-- Each clerk's part of a line as ingest splits it: rounded down, the unit rounding leaves going to the larger remainder (the line's own clerk on a tie).
INSERT INTO sales_breakdowns (chain_id, kind, business_date, store_id, key, sales_minor, discount_minor, tickets, items)
SELECT b.chain_id, b.kind::sales_breakdown_kind, b.business_date, b.store_id, b.key, sum(b.sales_minor), sum(b.discount_minor), count(DISTINCT b.sale_id), sum(b.items)
FROM (
	SELECT s.chain_id, 'hour' AS kind, s.business_date, s.store_id, to_char(s.completed_at AT TIME ZONE st.time_zone, 'HH24') AS key, s.id AS sale_id,
		s.total_minor AS sales_minor, s.discount_minor, s.item_count::bigint AS items
	FROM sales s JOIN stores st ON st.chain_id = s.chain_id AND st.id = s.store_id
	UNION ALL
	SELECT s.chain_id, 'member_level', s.business_date, s.store_id, coalesce(m.level_id::text, 'none'), s.id, s.total_minor, s.discount_minor, s.item_count
	FROM sales s LEFT JOIN members m ON m.chain_id = s.chain_id AND m.id = s.member_id
	UNION ALL
	SELECT s.chain_id, 'tender', s.business_date, s.store_id, p.tender::text, s.id, p.amount_minor, 0, 0
	FROM sale_payments p JOIN sales s ON s.chain_id = p.chain_id AND s.id = p.sale_id
	UNION ALL
	SELECT s.chain_id, 'clerk', s.business_date, s.store_id, x.key, s.id, x.sales_minor, x.discount_minor, x.items
	FROM sales s JOIN (
		SELECT l.chain_id, l.sale_id, coalesce(c.clerk_id::text, 'none') AS key,
			CASE WHEN c.clerk_id IS NULL THEN l.net_minor ELSE l.net_minor * c.share_bp / 10000
				+ CASE WHEN row_number() OVER (PARTITION BY l.chain_id, l.id ORDER BY l.net_minor * c.share_bp % 10000 DESC, c.clerk_id = l.clerk_id DESC) = 1
					THEN l.net_minor - sum(l.net_minor * c.share_bp / 10000) OVER (PARTITION BY l.chain_id, l.id) ELSE 0 END END AS sales_minor,
			CASE WHEN c.clerk_id IS NULL THEN l.discount_minor ELSE l.discount_minor * c.share_bp / 10000
				+ CASE WHEN row_number() OVER (PARTITION BY l.chain_id, l.id ORDER BY l.discount_minor * c.share_bp % 10000 DESC, c.clerk_id = l.clerk_id DESC) = 1
					THEN l.discount_minor - sum(l.discount_minor * c.share_bp / 10000) OVER (PARTITION BY l.chain_id, l.id) ELSE 0 END END AS discount_minor,
			CASE WHEN c.clerk_id IS NULL THEN l.quantity ELSE l.quantity * c.share_bp / 10000
				+ CASE WHEN row_number() OVER (PARTITION BY l.chain_id, l.id ORDER BY l.quantity * c.share_bp % 10000 DESC, c.clerk_id = l.clerk_id DESC) = 1
					THEN l.quantity - sum(l.quantity * c.share_bp / 10000) OVER (PARTITION BY l.chain_id, l.id) ELSE 0 END END AS items
		FROM sale_lines l LEFT JOIN sale_line_clerks c ON c.chain_id = l.chain_id AND c.line_id = l.id
	) x ON x.chain_id = s.chain_id AND x.sale_id = s.id
) b
GROUP BY b.chain_id, b.kind, b.business_date, b.store_id, b.key;
