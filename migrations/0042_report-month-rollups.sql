CREATE TYPE "public"."store_group_kind" AS ENUM('franchisee', 'region');--> statement-breakpoint
CREATE TABLE "chain_month_product_sales" (
	"chain_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"sales_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tickets" bigint NOT NULL,
	"returned_quantity" bigint NOT NULL,
	"returns_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_minor" bigint NOT NULL,
	CONSTRAINT "chain_month_product_sales_chain_id_month_product_id_pk" PRIMARY KEY("chain_id","month","product_id")
);
--> statement-breakpoint
CREATE TABLE "store_group_month_product_sales" (
	"chain_id" uuid NOT NULL,
	"group_kind" "store_group_kind" NOT NULL,
	"group_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"sales_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tickets" bigint NOT NULL,
	"returned_quantity" bigint NOT NULL,
	"returns_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_minor" bigint NOT NULL,
	CONSTRAINT "store_group_month_product_sales_chain_id_group_kind_group_id_month_product_id_pk" PRIMARY KEY("chain_id","group_kind","group_id","month","product_id")
);
--> statement-breakpoint
ALTER TABLE "chain_day_product_changes" ADD COLUMN "store_id" uuid;
--> statement-breakpoint
-- Each statement writing the chain roll-up of products by day adds its change, summed per chain, month and product, to the month roll-up.
CREATE FUNCTION chain_month_product_sales_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added CONSTANT text := 'SELECT chain_id, business_date, product_id, quantity, sales_minor, discount_minor, tickets, returned_quantity, returns_minor, cost_minor, uncosted_minor FROM written';
  taken CONSTANT text := 'SELECT chain_id, business_date, product_id, -quantity, -sales_minor, -discount_minor, -tickets, -returned_quantity, -returns_minor, -cost_minor, -uncosted_minor FROM replaced';
BEGIN
  EXECUTE format($upsert$
    INSERT INTO chain_month_product_sales AS m
    SELECT chain_id, date_trunc('month', business_date)::date, product_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets),
           sum(returned_quantity), sum(returns_minor), sum(cost_minor), sum(uncosted_minor)
    FROM (%s) d(chain_id, business_date, product_id, quantity, sales_minor, discount_minor, tickets, returned_quantity, returns_minor, cost_minor, uncosted_minor)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (chain_id, month, product_id) DO UPDATE SET
      quantity = m.quantity + excluded.quantity, sales_minor = m.sales_minor + excluded.sales_minor, discount_minor = m.discount_minor + excluded.discount_minor,
      tickets = m.tickets + excluded.tickets, returned_quantity = m.returned_quantity + excluded.returned_quantity, returns_minor = m.returns_minor + excluded.returns_minor,
      cost_minor = m.cost_minor + excluded.cost_minor, uncosted_minor = m.uncosted_minor + excluded.uncosted_minor
  $upsert$, CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN taken ELSE added || ' UNION ALL ' || taken END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER chain_day_product_sales_inserted AFTER INSERT ON chain_day_product_sales
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION chain_month_product_sales_add();
--> statement-breakpoint
CREATE TRIGGER chain_day_product_sales_updated AFTER UPDATE ON chain_day_product_sales
  REFERENCING OLD TABLE AS replaced NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION chain_month_product_sales_add();
--> statement-breakpoint
CREATE TRIGGER chain_day_product_sales_deleted AFTER DELETE ON chain_day_product_sales
  REFERENCING OLD TABLE AS replaced FOR EACH STATEMENT EXECUTE FUNCTION chain_month_product_sales_add();
--> statement-breakpoint
-- The months of what the day roll-up holds already. Creating the triggers locked the day roll-up against writes until this migration commits, so no fold falls between.
INSERT INTO chain_month_product_sales
SELECT chain_id, date_trunc('month', business_date)::date, product_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets),
       sum(returned_quantity), sum(returns_minor), sum(cost_minor), sum(uncosted_minor)
FROM chain_day_product_sales GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
--> statement-breakpoint
-- The store roll-up's changes now name their store, so the franchisees' roll-up can be folded from them too.
CREATE OR REPLACE FUNCTION chain_day_product_changes_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO chain_day_product_changes (chain_id, business_date, product_id, store_id, quantity, sales_minor, discount_minor, tickets, returned_quantity,
                                           returns_minor, cost_minor, uncosted_minor)
    SELECT chain_id, business_date, product_id, store_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets), sum(returned_quantity),
           sum(returns_minor), sum(cost_minor), sum(uncosted_minor)
    FROM written GROUP BY chain_id, business_date, product_id, store_id;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO chain_day_product_changes (chain_id, business_date, product_id, store_id, quantity, sales_minor, discount_minor, tickets, returned_quantity,
                                           returns_minor, cost_minor, uncosted_minor)
    SELECT chain_id, business_date, product_id, store_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets), sum(returned_quantity),
           sum(returns_minor), sum(cost_minor), sum(uncosted_minor)
    FROM (
      SELECT chain_id, business_date, product_id, store_id, quantity, sales_minor, discount_minor, tickets, returned_quantity, returns_minor, cost_minor, uncosted_minor
      FROM written
      UNION ALL
      SELECT chain_id, business_date, product_id, store_id, -quantity, -sales_minor, -discount_minor, -tickets, -returned_quantity, -returns_minor, -cost_minor, -uncosted_minor
      FROM replaced
    ) d GROUP BY chain_id, business_date, product_id, store_id;
  ELSE
    INSERT INTO chain_day_product_changes (chain_id, business_date, product_id, store_id, quantity, sales_minor, discount_minor, tickets, returned_quantity,
                                           returns_minor, cost_minor, uncosted_minor)
    SELECT chain_id, business_date, product_id, store_id, -sum(quantity), -sum(sales_minor), -sum(discount_minor), -sum(tickets), -sum(returned_quantity),
           -sum(returns_minor), -sum(cost_minor), -sum(uncosted_minor)
    FROM replaced GROUP BY chain_id, business_date, product_id, store_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Folding the store roll-up's changes is deleting them: each statement that does adds what it deleted to the months of each store's franchisee and region of today,
-- whoever folds (an HQ of the release before too, during a rolling upgrade or after a rollback), under the fold's lock (HQ_LOCKS.rollUpFold).
CREATE FUNCTION store_group_month_product_sales_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310, 2);
  INSERT INTO store_group_month_product_sales AS m
  SELECT f.chain_id, g.kind, g.id, date_trunc('month', f.business_date)::date, f.product_id, sum(f.quantity), sum(f.sales_minor), sum(f.discount_minor), sum(f.tickets),
         sum(f.returned_quantity), sum(f.returns_minor), sum(f.cost_minor), sum(f.uncosted_minor)
  FROM folded f JOIN stores s ON s.chain_id = f.chain_id AND s.id = f.store_id
  CROSS JOIN LATERAL (VALUES ('franchisee'::store_group_kind, s.franchisee_id), ('region'::store_group_kind, s.region_id)) g(kind, id)
  WHERE g.id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (chain_id, group_kind, group_id, month, product_id) DO UPDATE SET
    quantity = m.quantity + excluded.quantity, sales_minor = m.sales_minor + excluded.sales_minor, discount_minor = m.discount_minor + excluded.discount_minor,
    tickets = m.tickets + excluded.tickets, returned_quantity = m.returned_quantity + excluded.returned_quantity, returns_minor = m.returns_minor + excluded.returns_minor,
    cost_minor = m.cost_minor + excluded.cost_minor, uncosted_minor = m.uncosted_minor + excluded.uncosted_minor;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER chain_day_product_changes_folded AFTER DELETE ON chain_day_product_changes
  REFERENCING OLD TABLE AS folded FOR EACH STATEMENT EXECUTE FUNCTION store_group_month_product_sales_fold();
--> statement-breakpoint
-- A store passing to another franchisee or region takes its months with it: what of it is folded so far (its store roll-up less its changes waiting) leaves the one
-- and joins the other, under the fold's lock (HQ_LOCKS.rollUpFold), so no fold runs between; the changes waiting are folded to the new ones later.
CREATE FUNCTION store_group_month_product_sales_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310, 2);
  IF NOT EXISTS (SELECT 1 FROM roll_up_fills WHERE roll_up = 'store_group_month_product') THEN
    RETURN NULL;
  END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'a store passes to another franchisee or region only in a read committed transaction, which sees the roll-ups as the last fold left them';
  END IF;
  INSERT INTO store_group_month_product_sales AS m
  SELECT NEW.chain_id, g.kind, g.id, f.month, f.product_id, g.sign * f.quantity, g.sign * f.sales_minor, g.sign * f.discount_minor, g.sign * f.tickets,
         g.sign * f.returned_quantity, g.sign * f.returns_minor, g.sign * f.cost_minor, g.sign * f.uncosted_minor
  FROM (
    SELECT date_trunc('month', business_date)::date AS month, product_id, sum(quantity) AS quantity, sum(sales_minor) AS sales_minor, sum(discount_minor) AS discount_minor,
           sum(tickets) AS tickets, sum(returned_quantity) AS returned_quantity, sum(returns_minor) AS returns_minor, sum(cost_minor) AS cost_minor,
           sum(uncosted_minor) AS uncosted_minor
    FROM (
      SELECT business_date, product_id, quantity, sales_minor, discount_minor, tickets, returned_quantity, returns_minor, cost_minor, uncosted_minor
      FROM store_day_product_sales WHERE chain_id = NEW.chain_id AND store_id = NEW.id
      UNION ALL
      SELECT business_date, product_id, -quantity, -sales_minor, -discount_minor, -tickets, -returned_quantity, -returns_minor, -cost_minor, -uncosted_minor
      FROM chain_day_product_changes WHERE chain_id = NEW.chain_id AND store_id = NEW.id
    ) d GROUP BY 1, 2
  ) f CROSS JOIN (
    SELECT * FROM (VALUES ('franchisee'::store_group_kind, OLD.franchisee_id, -1), ('franchisee', NEW.franchisee_id, 1)) v(kind, id, sign)
    WHERE OLD.franchisee_id IS DISTINCT FROM NEW.franchisee_id
    UNION ALL
    SELECT * FROM (VALUES ('region'::store_group_kind, OLD.region_id, -1), ('region', NEW.region_id, 1)) v(kind, id, sign)
    WHERE OLD.region_id IS DISTINCT FROM NEW.region_id
  ) g
  WHERE g.id IS NOT NULL
  ORDER BY 2, 3, 4, 5
  ON CONFLICT (chain_id, group_kind, group_id, month, product_id) DO UPDATE SET
    quantity = m.quantity + excluded.quantity, sales_minor = m.sales_minor + excluded.sales_minor, discount_minor = m.discount_minor + excluded.discount_minor,
    tickets = m.tickets + excluded.tickets, returned_quantity = m.returned_quantity + excluded.returned_quantity, returns_minor = m.returns_minor + excluded.returns_minor,
    cost_minor = m.cost_minor + excluded.cost_minor, uncosted_minor = m.uncosted_minor + excluded.uncosted_minor;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stores_group_changed AFTER UPDATE OF franchisee_id, region_id ON stores
  FOR EACH ROW WHEN (OLD.franchisee_id IS DISTINCT FROM NEW.franchisee_id OR OLD.region_id IS DISTINCT FROM NEW.region_id)
  EXECUTE FUNCTION store_group_month_product_sales_move();
--> statement-breakpoint
-- With no sales held yet the store groups' roll-up is filled already; otherwise the first fold fills it (reports read the stores' roll-up until then).
INSERT INTO roll_up_fills (roll_up, filled_at) SELECT 'store_group_month_product', now() WHERE NOT EXISTS (SELECT 1 FROM store_day_product_sales);
