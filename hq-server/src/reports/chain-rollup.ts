import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alwaysRun, type JobGate } from '../db/job-lock';
import { query } from '../db/query';

const figures = ['quantity', 'sales_minor', 'discount_minor', 'tickets', 'returned_quantity', 'returns_minor', 'cost_minor', 'uncosted_minor'] as const;
const sums = sql.raw(figures.map((f) => `sum(${f})`).join(', '));
const adds = sql.raw(figures.map((f) => `${f} = chain_day_product_sales.${f} + excluded.${f}`).join(', '));

const CHAIN_PRODUCT = 'chain_day_product';

/** Whether the chain roll-up of products has been filled, so reports may read it. */
export async function chainRollUpFilled(db: Db): Promise<boolean> {
  const [row] = await query<{ filled: boolean }>(db, sql`select exists (select 1 from roll_up_fills where roll_up = ${CHAIN_PRODUCT}) as filled`);
  return row?.filled === true;
}

/**
 * Folds the store roll-up's changes appended since the last fold into the chain roll-up of
 * products (`chain_day_product_sales`), in one statement: the changes it deletes are the ones it
 * adds, and changes committed meanwhile stay for the next fold. Two folds at once cannot count a
 * change twice, since the second waits on the first's deletes and then finds those rows gone. The
 * first fold on a database that held sales before migration 0041 fills the chain roll-up instead.
 * Returns how many changes it folded.
 */
export async function foldChainRollUp(db: Db): Promise<number> {
  if (!(await chainRollUpFilled(db))) return fillChainRollUp(db);
  const [row] = await query<{ folded: number }>(db, sql`
    with moved as (delete from chain_day_product_changes returning *),
    folded as (
      insert into chain_day_product_sales (chain_id, business_date, product_id, ${sql.raw(figures.join(', '))})
      select chain_id, business_date, product_id, ${sums} from moved
      group by chain_id, business_date, product_id order by chain_id, business_date, product_id
      on conflict (chain_id, business_date, product_id) do update set ${adds}
    )
    select count(*)::int as folded from moved`);
  return row?.folded ?? 0;
}

/**
 * Fills the chain roll-up from the stores' in one snapshot: the changes that snapshot sees are in
 * the stores' roll-up it sums, so they are dropped; those committed after it stay for the next
 * fold. Ingest goes on meanwhile: only the changes are written to, and only by appending.
 */
async function fillChainRollUp(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    await tx.execute(sql`delete from chain_day_product_sales`);
    const [row] = await query<{ filled: number }>(tx, sql`
      with dropped as (delete from chain_day_product_changes),
      filled as (
        insert into chain_day_product_sales (chain_id, business_date, product_id, ${sql.raw(figures.join(', '))})
        select chain_id, business_date, product_id, ${sums} from store_day_product_sales
        group by chain_id, business_date, product_id order by chain_id, business_date, product_id
        returning 1
      )
      select count(*)::int as filled from filled`);
    await tx.execute(sql`insert into roll_up_fills (roll_up, filled_at) values (${CHAIN_PRODUCT}, now())`);
    return row?.filled ?? 0;
  });
}

/**
 * Folds the chain roll-up every `everyMs` in an HQ process (and once at start), when `mayRun` lets
 * this process do it. Reports are exact without it (they read the changes not yet folded too); it
 * keeps those few, so a month of the chain stays a row per product a day.
 */
export function startChainRollUpSchedule(db: Db, { everyMs = 60_000, log = console.log, mayRun = alwaysRun }: { everyMs?: number; log?: (line: string) => void; mayRun?: JobGate } = {}): { stop(): void } {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      if (await mayRun('chain-roll-up')) await foldChainRollUp(db);
    } catch (error) {
      log(`[hq] chain roll-up FAILED to fold (will try again): ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
