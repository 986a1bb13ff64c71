CREATE TABLE "chain_day_product_changes" (
	"chain_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"sales_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tickets" bigint NOT NULL,
	"returned_quantity" bigint NOT NULL,
	"returns_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_day_product_sales" (
	"chain_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" bigint NOT NULL,
	"sales_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"tickets" bigint NOT NULL,
	"returned_quantity" bigint NOT NULL,
	"returns_minor" bigint NOT NULL,
	"cost_minor" bigint NOT NULL,
	"uncosted_minor" bigint NOT NULL,
	CONSTRAINT "chain_day_product_sales_chain_id_business_date_product_id_pk" PRIMARY KEY("chain_id","business_date","product_id")
);
--> statement-breakpoint
CREATE TABLE "roll_up_fills" (
	"roll_up" text PRIMARY KEY NOT NULL,
	"filled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chain_day_product_changes_day_idx" ON "chain_day_product_changes" USING btree ("chain_id","business_date");--> statement-breakpoint
-- Each statement writing the store roll-up of products appends its change, summed per chain, day and product, for foldChainRollUp to fold in.
CREATE FUNCTION chain_day_product_changes_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO chain_day_product_changes
    SELECT chain_id, business_date, product_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets), sum(returned_quantity),
           sum(returns_minor), sum(cost_minor), sum(uncosted_minor)
    FROM written GROUP BY chain_id, business_date, product_id;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO chain_day_product_changes
    SELECT chain_id, business_date, product_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets), sum(returned_quantity),
           sum(returns_minor), sum(cost_minor), sum(uncosted_minor)
    FROM (
      SELECT chain_id, business_date, product_id, quantity, sales_minor, discount_minor, tickets, returned_quantity, returns_minor, cost_minor, uncosted_minor
      FROM written
      UNION ALL
      SELECT chain_id, business_date, product_id, -quantity, -sales_minor, -discount_minor, -tickets, -returned_quantity, -returns_minor, -cost_minor, -uncosted_minor
      FROM replaced
    ) d GROUP BY chain_id, business_date, product_id;
  ELSE
    INSERT INTO chain_day_product_changes
    SELECT chain_id, business_date, product_id, -sum(quantity), -sum(sales_minor), -sum(discount_minor), -sum(tickets), -sum(returned_quantity),
           -sum(returns_minor), -sum(cost_minor), -sum(uncosted_minor)
    FROM replaced GROUP BY chain_id, business_date, product_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER store_day_product_sales_inserted AFTER INSERT ON store_day_product_sales
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION chain_day_product_changes_append();
--> statement-breakpoint
CREATE TRIGGER store_day_product_sales_updated AFTER UPDATE ON store_day_product_sales
  REFERENCING OLD TABLE AS replaced NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION chain_day_product_changes_append();
--> statement-breakpoint
CREATE TRIGGER store_day_product_sales_deleted AFTER DELETE ON store_day_product_sales
  REFERENCING OLD TABLE AS replaced FOR EACH STATEMENT EXECUTE FUNCTION chain_day_product_changes_append();
--> statement-breakpoint
-- With no sales held yet the chain roll-up is filled already; otherwise the first fold fills it (reports read the stores' roll-up until then).
INSERT INTO roll_up_fills (roll_up, filled_at) SELECT 'chain_day_product', now() WHERE NOT EXISTS (SELECT 1 FROM store_day_product_sales);
