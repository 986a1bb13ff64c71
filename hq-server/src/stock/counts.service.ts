import type { StockCount, StockCountBody, StockCountEntryBody, StockCountPostBody, StockCountSummary, TillCountScanBody, TillStockCount } from '@pos/shared';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { retryTransient } from '../db/sql-state';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { storeInScope, storesInScope } from '../http/scope';
import { newId } from '../ids';
import { categories } from '../catalog/catalog.tables';
import { nextNo } from './document-numbers';
import { moveStock } from './stock-ledger';
import { stockCountLines, stockCounts } from './store-stock.tables';

/** Who may approve a count's differences into the ledger: any manager of the store, never a cashier. */
const MANAGERS = new Set(['hq_admin', 'region_manager', 'franchisee', 'store_manager']);

/**
 * The moment a stock movement happened: a sale or a customer return when the till completed it
 * (a till offline for an hour sends it later), anything else when HQ recorded it.
 */
const occurredAt = sql.raw(`case
  when m.reason = 'sale' then (select s.completed_at from sales s where s.chain_id = m.chain_id and s.id = m.document_id)
  when m.reason in ('return', 'exchange') then (select r.completed_at from returns r where r.chain_id = m.chain_id and r.id = m.document_id)
  else m.created_at end`);

/**
 * What the book says was on hand of each counted line's product at the moment it was counted:
 * today's level less every movement that happened after that moment. A sale made before the
 * count of its product is in the level and was not on the shelf to count; one made after is put
 * back, as the counter saw those goods. Only movements HQ recorded since a day before the count
 * started can have happened after a line was counted.
 */
function expectedSql(chainId: string, countId: string): SQL {
  return sql`
    select cl.product_id, coalesce(sl.quantity, 0) - coalesce((
             select sum(m.delta) from stock_movements m
              where m.chain_id = c.chain_id and m.store_id = c.store_id and m.product_id = cl.product_id
                and m.created_at > c.started_at - interval '1 day' and ${occurredAt} > cl.counted_at), 0) as expected
    from stock_count_lines cl
    join stock_counts c on c.chain_id = cl.chain_id and c.id = cl.count_id
    left join stock_levels sl on sl.chain_id = c.chain_id and sl.store_id = c.store_id and sl.product_id = cl.product_id
    where cl.chain_id = ${chainId} and cl.count_id = ${countId} and cl.counted is not null`;
}

/**
 * Opens a count sheet for one of the caller's stores and freezes the book of what it covers:
 * the whole store (every product it holds or held), a category and those under it (each of its
 * active products too, at zero if the store never had it), or a shelf (products join as they are
 * scanned). One open count per store.
 */
export async function openCount(deps: Deps, principal: Principal, body: StockCountBody): Promise<StockCount> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  await storeInScope(deps.db, office, body.storeId);
  const categoryId = body.scope === 'category' ? body.categoryId : null;
  if (categoryId) {
    const [found] = await deps.db.select({ id: categories.id }).from(categories).where(and(eq(categories.chainId, chainId), eq(categories.id, categoryId)));
    if (!found) throw new AppError('NOT_FOUND', 'no such category');
  }
  const id = newId(deps.clock);
  const at = deps.clock();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(stockCounts).values({
        chainId, id, no: await nextNo(tx, chainId, 'C'), storeId: body.storeId, scope: body.scope, categoryId, shelf: body.scope === 'shelf' ? body.shelf : null,
        status: 'open', note: body.note ?? null, startedBy: office.userId, startedAt: at,
      });
      if (body.scope === 'store') {
        await tx.execute(sql`
          insert into stock_count_lines (chain_id, count_id, product_id, book)
          select chain_id, ${id}::uuid, product_id, quantity from stock_levels where chain_id = ${chainId} and store_id = ${body.storeId}`);
      }
      if (categoryId) {
        await tx.execute(sql`
          with recursive below(id) as (
            select id from categories where chain_id = ${chainId} and id = ${categoryId}
            union select c.id from categories c join below on c.parent_id = below.id where c.chain_id = ${chainId}
          )
          insert into stock_count_lines (chain_id, count_id, product_id, book)
          select p.chain_id, ${id}::uuid, p.id, coalesce(sl.quantity, 0)
          from products p left join stock_levels sl on sl.chain_id = p.chain_id and sl.store_id = ${body.storeId} and sl.product_id = p.id
          where p.chain_id = ${chainId} and p.category_id in (select id from below) and (p.active or sl.quantity is not null)`);
      }
    });
  } catch (error) {
    const [open] = await deps.db.select({ no: stockCounts.no }).from(stockCounts).where(and(eq(stockCounts.chainId, chainId), eq(stockCounts.storeId, body.storeId), eq(stockCounts.status, 'open')));
    if (open) throw new AppError('CONFLICT', `count ${open.no} of this store is still open: post or cancel it first`, { no: open.no });
    throw error;
  }
  return loadCount(deps.db, chainId, id);
}

/** The count, if the caller may see its store, locked for the change when `tx` is a transaction. */
async function openCountOf(tx: Db, principal: Principal, id: string) {
  const [head] = await tx.select().from(stockCounts).where(and(eq(stockCounts.chainId, principal.chainId), eq(stockCounts.id, id))).for('update');
  if (!head) throw new AppError('NOT_FOUND', 'no such count');
  await storeInScope(tx, principal, head.storeId);
  if (head.status !== 'open') throw new AppError('CONFLICT', `this count is ${head.status} already`);
  return head;
}

/**
 * Counts entered for products, now: `set` replaces what was counted, `add` adds to it (one scan,
 * one unit). A product not yet on the sheet joins it with its book at the count's start (today's
 * level less what HQ recorded since); a category count takes only products of its category.
 */
export async function enterCounts(deps: Deps, principal: Principal, id: string, body: StockCountEntryBody): Promise<StockCount> {
  const chainId = principal.chainId;
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    const head = await openCountOf(tx, principal, id);
    const ids = body.lines.map((l) => l.productId);
    const eligible = await query<{ id: string }>(tx, sql`
      with recursive below(id) as (
        select id from categories where chain_id = ${chainId} and id = ${head.categoryId}
        union select c.id from categories c join below on c.parent_id = below.id where c.chain_id = ${chainId}
      )
      select p.id from products p where p.chain_id = ${chainId} and p.id = any(${uuidArray(ids)}::uuid[])
        and (${head.categoryId}::uuid is null or p.category_id in (select id from below))`);
    const outside = ids.filter((pid) => !eligible.some((e) => e.id === pid));
    if (outside.length) {
      throw new AppError('VALIDATION_FAILED', head.categoryId ? 'some products are not of this count’s category' : 'some products are not the chain’s', { productIds: outside });
    }
    const entries = sql`json_to_recordset(${JSON.stringify(body.lines)}::json) as x("productId" uuid, quantity int, mode text)`;
    await tx.execute(sql`
      insert into stock_count_lines (chain_id, count_id, product_id, book)
      select ${chainId}::uuid, ${id}::uuid, x."productId", coalesce(sl.quantity, 0) - coalesce((
               select sum(m.delta) from stock_movements m
                where m.chain_id = ${chainId} and m.store_id = ${head.storeId} and m.product_id = x."productId" and m.created_at > ${head.startedAt.toISOString()}::timestamptz), 0)
      from ${entries}
      left join stock_levels sl on sl.chain_id = ${chainId} and sl.store_id = ${head.storeId} and sl.product_id = x."productId"
      order by x."productId"
      on conflict do nothing`);
    await tx.execute(sql`
      update stock_count_lines l set counted = case when x.mode = 'add' then coalesce(l.counted, 0) + x.quantity else x.quantity end, counted_at = ${at.toISOString()}::timestamptz
      from ${entries}
      where l.chain_id = ${chainId} and l.count_id = ${id} and l.product_id = x."productId"`);
  });
  return loadCount(deps.db, chainId, id);
}

/**
 * A manager approves the differences and posts them (HQ, a region manager, the franchisee or the
 * store manager; never a cashier). Each counted line's difference is what was counted less what
 * the book expected at the moment of counting; it goes to the ledger as a `count` movement.
 * The levels of the counted products are locked first, so a sale being written at the same time
 * is either in the level and the expectation both or in neither.
 */
export async function postCount(deps: Deps, principal: Principal, id: string, body: StockCountPostBody): Promise<StockCount> {
  const office = officePrincipal(principal);
  if (!MANAGERS.has(office.role)) throw new AppError('FORBIDDEN', 'a manager posts a count’s differences');
  const chainId = office.chainId;
  const at = deps.clock();
  await retryTransient(() => deps.db.transaction(async (tx) => {
    const head = await openCountOf(tx, office, id);
    if (body.uncounted === 'zero') {
      await tx.update(stockCountLines).set({ counted: 0, countedAt: at })
        .where(and(eq(stockCountLines.chainId, chainId), eq(stockCountLines.countId, id), sql`${stockCountLines.counted} is null`));
    }
    await tx.execute(sql`
      insert into stock_levels (chain_id, store_id, product_id, quantity, updated_at)
      select chain_id, ${head.storeId}::uuid, product_id, 0, ${at.toISOString()}::timestamptz from stock_count_lines
       where chain_id = ${chainId} and count_id = ${id} and counted is not null order by product_id
      on conflict do nothing`);
    await tx.execute(sql`
      select 1 from stock_levels sl
       where sl.chain_id = ${chainId} and sl.store_id = ${head.storeId}
         and sl.product_id in (select product_id from stock_count_lines where chain_id = ${chainId} and count_id = ${id} and counted is not null)
       order by sl.product_id for update`);
    const differences = await query<{ product_id: string; expected: string; difference: string }>(tx, sql`
      with expected as (${expectedSql(chainId, id)})
      update stock_count_lines cl set expected = e.expected, difference = cl.counted - e.expected
      from expected e where cl.chain_id = ${chainId} and cl.count_id = ${id} and cl.product_id = e.product_id
      returning cl.product_id, cl.expected::text, cl.difference::text`);
    const moves = differences.filter((d) => Number(d.difference) !== 0)
      .map((d) => ({ placeId: head.storeId, productId: d.product_id, delta: Number(d.difference), inTransit: 0 }))
      .sort((a, b) => a.productId.localeCompare(b.productId));
    await moveStock(tx, chainId, moves, 'count', id, at, deps);
    await tx.update(stockCounts).set({ status: 'posted', postedBy: office.userId, postedAt: at }).where(and(eq(stockCounts.chainId, chainId), eq(stockCounts.id, id)));
  }));
  return loadCount(deps.db, chainId, id);
}

/** Cancel an open count: nothing reaches the ledger. */
export async function cancelCount(deps: Deps, principal: Principal, id: string): Promise<StockCount> {
  await deps.db.transaction(async (tx) => {
    await openCountOf(tx, principal, id);
    await tx.update(stockCounts).set({ status: 'cancelled' }).where(and(eq(stockCounts.chainId, principal.chainId), eq(stockCounts.id, id)));
  });
  return loadCount(deps.db, principal.chainId, id);
}

/** The counts of the caller's stores (or one of them), newest first, at most 200, without their lines. */
export async function listCounts(deps: Deps, principal: Principal, q: { storeId?: string | undefined; status?: StockCount['status'] | undefined }): Promise<StockCountSummary[]> {
  const visible = (await storesInScope(deps.db, principal)).map((s) => s.id);
  if (q.storeId && !visible.includes(q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  const storeIds = q.storeId ? [q.storeId] : visible;
  if (storeIds.length === 0) return [];
  return loadHeads(deps.db, principal.chainId, sql.join([sql`c.store_id = any(${uuidArray(storeIds)}::uuid[])`, ...(q.status ? [sql`c.status = ${q.status}`] : [])], sql` and `));
}

/** One count the caller may see, with its lines and, while open, what each counted line's difference would be now. */
export async function countInScope(deps: Deps, principal: Principal, id: string): Promise<StockCount> {
  const [head] = await deps.db.select({ storeId: stockCounts.storeId }).from(stockCounts).where(and(eq(stockCounts.chainId, principal.chainId), eq(stockCounts.id, id)));
  if (!head) throw new AppError('NOT_FOUND', 'no such count');
  await storeInScope(deps.db, principal, head.storeId);
  return loadCount(deps.db, principal.chainId, id);
}

type HeadRow = {
  id: string; no: string; store_id: string; store_code: string; scope: StockCount['scope']; category: StockCount['category']; shelf: string | null; status: StockCount['status'];
  note: string | null; started_at: string; posted_at: string | null; posted_by: string | null; line_count: number; counted: number; difference_units: string;
};

async function loadHeads(db: Db, chainId: string, where: SQL): Promise<StockCountSummary[]> {
  const rows = await query<HeadRow>(db, sql`
    select c.id, c.no, c.store_id, s.code as store_code, c.scope, c.shelf, c.status, c.note,
           case when cat.id is null then null else json_build_object('id', cat.id, 'nameZh', cat.name_zh, 'nameEn', cat.name_en) end as category,
           to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at,
           to_char(c.posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as posted_at, u.name as posted_by,
           (select count(*)::int from stock_count_lines l where l.chain_id = c.chain_id and l.count_id = c.id) as line_count,
           (select count(*)::int from stock_count_lines l where l.chain_id = c.chain_id and l.count_id = c.id and l.counted is not null) as counted,
           (select coalesce(sum(l.difference), 0)::text from stock_count_lines l where l.chain_id = c.chain_id and l.count_id = c.id) as difference_units
    from stock_counts c
    join stores s on s.chain_id = c.chain_id and s.id = c.store_id
    left join categories cat on cat.chain_id = c.chain_id and cat.id = c.category_id
    left join users u on u.chain_id = c.chain_id and u.id = c.posted_by
    where c.chain_id = ${chainId} and ${where}
    order by c.started_at desc, c.no desc
    limit 200`);
  return rows.map((r) => ({
    id: r.id, no: r.no, storeId: r.store_id, storeCode: r.store_code, scope: r.scope, category: r.category, shelf: r.shelf, status: r.status, note: r.note,
    startedAt: r.started_at, postedAt: r.posted_at, postedBy: r.posted_by, lineCount: r.line_count, counted: r.counted, differenceUnits: Number(r.difference_units),
  }));
}

type LineRow = {
  product_id: string; sku: string; barcode: string | null; name_zh: string; name_en: string; book: string; counted: number | null; counted_at: string | null;
  expected: string | null; difference: string | null;
};

async function loadCount(db: Db, chainId: string, id: string): Promise<StockCount> {
  const [head] = await loadHeads(db, chainId, sql`c.id = ${id}`);
  if (!head) throw new AppError('NOT_FOUND', 'no such count');
  const preview = head.status === 'open' ? await query<{ product_id: string; expected: string }>(db, expectedSql(chainId, id)) : [];
  const previewOf = new Map(preview.map((p) => [p.product_id, Number(p.expected)]));
  const lines = await query<LineRow>(db, sql`
    select l.product_id, p.sku, p.name_zh, p.name_en, l.book::text, l.counted, l.expected::text, l.difference::text,
           to_char(l.counted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as counted_at,
           (select min(b.code) from barcodes b where b.chain_id = l.chain_id and b.product_id = l.product_id and b.active) as barcode
    from stock_count_lines l join products p on p.chain_id = l.chain_id and p.id = l.product_id
    where l.chain_id = ${chainId} and l.count_id = ${id}
    order by l.counted_at is null, p.sku
    limit 5000`);
  const mapped = lines.map((l) => {
    const expected = l.expected !== null ? Number(l.expected) : (previewOf.get(l.product_id) ?? null);
    return {
      productId: l.product_id, sku: l.sku, barcode: l.barcode, nameZh: l.name_zh, nameEn: l.name_en, book: Number(l.book), counted: l.counted, countedAt: l.counted_at,
      expected, difference: l.counted !== null && expected !== null ? l.counted - expected : null,
    };
  });
  const differenceUnits = head.status === 'open' ? mapped.reduce((sum, l) => sum + (l.difference ?? 0), 0) : head.differenceUnits;
  const waiting = head.status === 'open' ? await query<{ n: string }>(db, sql`
    select coalesce(sum((ts.report->>'waitingCount')::int), 0)::text as n
    from till_sync_status ts join till_devices d on d.chain_id = ts.chain_id and d.id = ts.device_id
    where ts.chain_id = ${chainId} and d.store_id = ${head.storeId}`) : [];
  const { id: countId, no, storeId, storeCode, scope, category, shelf, status, note, startedAt, postedAt, postedBy, counted } = head;
  return { id: countId, no, storeId, storeCode, scope, category, shelf, status, note, startedAt, postedAt, postedBy, counted, differenceUnits, waitingOnTills: Number(waiting[0]?.n ?? 0), lines: mapped };
}

/** The till's store's open count with what is counted so far (last counted first, at most 200), or none. */
export async function tillCount(deps: Deps, principal: Principal): Promise<TillStockCount> {
  if (principal.kind !== 'device') throw new AppError('FORBIDDEN', 'this endpoint is for tills');
  const [open] = await deps.db.select({ id: stockCounts.id }).from(stockCounts)
    .where(and(eq(stockCounts.chainId, principal.chainId), eq(stockCounts.storeId, principal.storeId), eq(stockCounts.status, 'open')));
  if (!open) return { count: null };
  const count = await loadCount(deps.db, principal.chainId, open.id);
  const lines = count.lines.filter((l) => l.counted !== null).sort((a, b) => (b.countedAt ?? '').localeCompare(a.countedAt ?? '')).slice(0, 200)
    .map(({ productId, sku, nameZh, nameEn, counted }) => ({ productId, sku, nameZh, nameEn, counted }));
  const { id, no, scope, category, shelf, startedAt } = count;
  return { count: { id, no, scope, category, shelf, startedAt, lines } };
}

/** A scan at the till into its store's open count: one more of the product (or the few typed). */
export async function scanAtTill(deps: Deps, principal: Principal, id: string, body: TillCountScanBody): Promise<TillStockCount> {
  if (principal.kind !== 'device') throw new AppError('FORBIDDEN', 'this endpoint is for tills');
  await enterCounts(deps, principal, id, { lines: [{ productId: body.productId, quantity: body.quantity, mode: 'add' }] });
  return tillCount(deps, principal);
}
