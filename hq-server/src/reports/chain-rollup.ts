import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { HQ_LOCKS } from '../db/hq-locks';
import { alwaysRun, type JobGate } from '../db/job-lock';
import { query } from '../db/query';

const figures = ['quantity', 'sales_minor', 'discount_minor', 'tickets', 'returned_quantity', 'returns_minor', 'cost_minor', 'uncosted_minor'] as const;
const sums = sql.raw(figures.map((f) => `sum(${f})`).join(', '));
const adds = sql.raw(figures.map((f) => `${f} = chain_day_product_sales.${f} + excluded.${f}`).join(', '));

/** Each store's groups of today, a row each, for `join stores s` and a `cross join lateral` on it. */
const groupsOfStore = sql.raw(`(values ('franchisee'::store_group_kind, s.franchisee_id), ('region'::store_group_kind, s.region_id)) g(kind, id)`);

const CHAIN_PRODUCT = 'chain_day_product';
const STORE_GROUP_PRODUCT = 'store_group_month_product';

/** Which roll-ups folded from the store roll-up's changes have been filled, so reports may read them. */
export async function rollUpsFilled(db: Db): Promise<{ chain: boolean; storeGroups: boolean }> {
  const rows = await query<{ roll_up: string }>(db, sql`select roll_up from roll_up_fills where roll_up in (${CHAIN_PRODUCT}, ${STORE_GROUP_PRODUCT})`);
  const filled = new Set(rows.map((r) => r.roll_up));
  return { chain: filled.has(CHAIN_PRODUCT), storeGroups: filled.has(STORE_GROUP_PRODUCT) };
}

/**
 * Folds the store roll-up's changes appended since the last fold into the chain roll-up of
 * products (`chain_day_product_sales`), in one statement: the changes it deletes are the ones it
 * adds, and changes committed meanwhile stay for the next fold. Two folds at once cannot count a
 * change twice, since the second waits on the first's deletes and then finds those rows gone.
 * Triggers (migration 0042) carry what it writes on to the month roll-up, and what it deletes on
 * to each store's franchisee and region (`store_group_month_product_sales`); it holds the fold lock
 * those triggers take too. The first fold on a database that held sales before migration 0041 or
 * 0042 fills what is not filled yet. Returns how many changes it folded.
 */
export async function foldChainRollUp(db: Db): Promise<number> {
  const filled = await rollUpsFilled(db);
  if (!filled.chain) return fillChainRollUp(db);
  if (!filled.storeGroups) await fillStoreGroupRollUp(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${HQ_LOCKS.classId}, ${HQ_LOCKS.rollUpFold})`);
    const [row] = await query<{ folded: number }>(tx, sql`
      with moved as (delete from chain_day_product_changes returning *),
      folded as (
        insert into chain_day_product_sales (chain_id, business_date, product_id, ${sql.raw(figures.join(', '))})
        select chain_id, business_date, product_id, ${sums} from moved
        group by chain_id, business_date, product_id order by chain_id, business_date, product_id
        on conflict (chain_id, business_date, product_id) do update set ${adds}
      )
      select count(*)::int as folded from moved`);
    return row?.folded ?? 0;
  });
}

/**
 * Fills the chain roll-up from the stores' in one snapshot, under the fold lock: the changes that
 * snapshot sees are in the stores' roll-up it sums, so they are dropped (their deletion's trigger
 * adds them to the store groups, filled first). Those committed after it stay for the next fold.
 * Ingest goes on meanwhile: only the changes are written to, and only by appending.
 */
async function fillChainRollUp(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${HQ_LOCKS.classId}, ${HQ_LOCKS.rollUpFold})`);
    await fillStoreGroups(tx);
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
    await tx.execute(sql`insert into roll_up_fills (roll_up, filled_at) values (${CHAIN_PRODUCT}, now()) on conflict do nothing`);
    return row?.filled ?? 0;
  });
}

/** Fills the store groups' roll-up on a database whose chain roll-up was filled before migration 0042, under the fold lock. */
async function fillStoreGroupRollUp(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${HQ_LOCKS.classId}, ${HQ_LOCKS.rollUpFold})`);
    if (!(await rollUpsFilled(tx)).storeGroups) await fillStoreGroups(tx);
  });
}

/**
 * Each store group's months as the stores' roll-up less the changes still waiting, in one
 * statement's snapshot: deleting those changes later (a fold) adds exactly them. Changes appended
 * before 0042 name no store: they are in the stores' roll-up summed here and no fold adds them again.
 * The caller holds the fold lock.
 */
async function fillStoreGroups(tx: Db): Promise<void> {
  await tx.execute(sql`delete from store_group_month_product_sales`);
  await tx.execute(sql`
    insert into store_group_month_product_sales (chain_id, group_kind, group_id, month, product_id, ${sql.raw(figures.join(', '))})
    select r.chain_id, g.kind, g.id, date_trunc('month', r.business_date)::date, r.product_id, ${sums}
    from (
      select chain_id, store_id, business_date, product_id, ${sql.raw(figures.join(', '))} from store_day_product_sales
      union all
      select chain_id, store_id, business_date, product_id, ${sql.raw(figures.map((f) => `-${f}`).join(', '))} from chain_day_product_changes
    ) r join stores s on s.chain_id = r.chain_id and s.id = r.store_id cross join lateral ${groupsOfStore}
    where g.id is not null
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`);
  await tx.execute(sql`insert into roll_up_fills (roll_up, filled_at) values (${STORE_GROUP_PRODUCT}, now()) on conflict do nothing`);
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
