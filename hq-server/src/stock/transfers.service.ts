import type { ReceiveBody, Transfer, TransferBody } from '@pos/shared';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { retryTransient } from '../db/sql-state';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { storeInScope, storesInScope } from '../http/scope';
import { products } from '../catalog/catalog.tables';
import { stores } from '../org/org.tables';
import { nextNo } from './document-numbers';
import { moveStock } from './stock-ledger';
import { productCostsAt } from './stock-value';
import { transferLines, transfers } from './store-stock.tables';

/**
 * A store ships goods straight to another store of the chain (门店间直调): they leave its stock
 * at once (`transfer_out`) and are on their way to the other store until it confirms what
 * arrived. The sender must be one of the caller's stores; the receiver any open store of the
 * chain. Between stores of different owners (two franchisees, or a franchisee and HQ) the goods
 * are sold at the transfer price: a line's own, or the product's current cost. The id is the
 * sender's, so a retry returns the transfer it shipped rather than shipping it twice.
 */
export async function shipTransfer(deps: Deps, principal: Principal, body: TransferBody): Promise<Transfer> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const existing = await deps.db.select({ from: transfers.fromStoreId }).from(transfers).where(and(eq(transfers.chainId, chainId), eq(transfers.id, body.id)));
  if (existing[0]) {
    await storeInScope(deps.db, office, existing[0].from);
    return loadTransfer(deps.db, chainId, body.id);
  }
  const from = await storeInScope(deps.db, office, body.fromStoreId);
  const [to] = await deps.db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(and(eq(stores.chainId, chainId), eq(stores.id, body.toStoreId), eq(stores.active, true)));
  if (!to) throw new AppError('NOT_FOUND', 'no such open store to send to');
  const crossOwner = from.franchiseeId !== to.franchiseeId;
  const ids = body.lines.map((l) => l.productId);
  const known = await deps.db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), inArray(products.id, ids)));
  const unknown = ids.filter((id) => !known.some((k) => k.id === id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'some products are not the chain’s', { productIds: unknown });
  const at = deps.clock();
  const costs = crossOwner ? await productCostsAt(deps.db, chainId, ids.filter((id) => body.lines.find((l) => l.productId === id)!.unitPriceMinor === undefined), at) : new Map<string, number>();
  if (crossOwner) {
    const unpriced = body.lines.filter((l) => l.unitPriceMinor === undefined && !costs.has(l.productId)).map((l) => l.productId);
    if (unpriced.length) throw new AppError('VALIDATION_FAILED', 'the stores have different owners: give a transfer price for the products that have no cost', { productIds: unpriced });
  }
  try {
    await retryTransient(() => deps.db.transaction(async (tx) => {
      await tx.insert(transfers).values({
        chainId, id: body.id, no: await nextNo(tx, chainId, 'T'), fromStoreId: body.fromStoreId, toStoreId: body.toStoreId, status: 'in_transit', crossOwner,
        note: body.note ?? null, shippedBy: office.userId, shippedAt: at,
      });
      await tx.insert(transferLines).values(body.lines.map((l) => ({
        chainId, transferId: body.id, productId: l.productId, quantity: l.quantity, unitPriceMinor: crossOwner ? (l.unitPriceMinor ?? costs.get(l.productId)!) : null,
      })));
      await moveStock(tx, chainId, body.lines.map((l) => ({ placeId: body.fromStoreId, productId: l.productId, delta: -l.quantity, inTransit: 0 })), 'transfer_out', body.id, at, deps);
      await moveStock(tx, chainId, body.lines.map((l) => ({ placeId: body.toStoreId, productId: l.productId, delta: 0, inTransit: l.quantity })), null, body.id, at, deps);
    }));
  } catch (error) {
    // Two sends of one transfer at once: the second meets the first's primary key and answers with what the first shipped.
    const [raced] = await deps.db.select({ id: transfers.id }).from(transfers).where(and(eq(transfers.chainId, chainId), eq(transfers.id, body.id)));
    if (!raced) throw error;
  }
  return loadTransfer(deps.db, chainId, body.id);
}

/** Every open store of the chain, by code: a transfer may go to any of them. */
export async function transferDestinations(deps: Deps, principal: Principal) {
  officePrincipal(principal);
  return deps.db.select({ id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn }).from(stores)
    .where(and(eq(stores.chainId, principal.chainId), eq(stores.active, true))).orderBy(stores.code);
}

/**
 * The receiving store confirms what arrived, every product once: it joins the store's stock
 * (`transfer_in`), the whole transfer leaves its stock on the way, and short or over shows on
 * each line. Confirmed once only.
 */
export async function receiveTransfer(deps: Deps, principal: Principal, id: string, body: ReceiveBody): Promise<Transfer> {
  const office = officePrincipal(principal);
  const chainId = office.chainId;
  const [found] = await deps.db.select({ to: transfers.toStoreId }).from(transfers).where(and(eq(transfers.chainId, chainId), eq(transfers.id, id)));
  // Only the receiving store confirms: to anyone else, even the sender, there is no such transfer to receive.
  if (!found || !(await storesInScope(deps.db, office)).some((s) => s.id === found.to)) throw new AppError('NOT_FOUND', 'no such transfer');
  const at = deps.clock();
  await retryTransient(() => deps.db.transaction(async (tx) => {
    const [head] = await tx.select().from(transfers).where(and(eq(transfers.chainId, chainId), eq(transfers.id, id))).for('update');
    if (head!.status !== 'in_transit') throw new AppError('CONFLICT', 'this transfer was received already');
    const lines = await tx.select().from(transferLines).where(and(eq(transferLines.chainId, chainId), eq(transferLines.transferId, id)));
    const counted = new Map(body.lines.map((l) => [l.productId, l.received]));
    const missing = lines.filter((l) => !counted.has(l.productId)).map((l) => l.productId);
    const extra = body.lines.filter((l) => !lines.some((s) => s.productId === l.productId)).map((l) => l.productId);
    if (missing.length || extra.length) throw new AppError('VALIDATION_FAILED', 'count every product of the transfer once, and no other', { missing, extra });
    await tx.execute(sql`
      update transfer_lines l set received = x.received
      from json_to_recordset(${JSON.stringify(body.lines)}::json) as x("productId" uuid, received int)
      where l.chain_id = ${chainId} and l.transfer_id = ${id} and l.product_id = x."productId"`);
    await moveStock(tx, chainId, lines.map((l) => ({ placeId: head!.toStoreId, productId: l.productId, delta: counted.get(l.productId)!, inTransit: -l.quantity })), 'transfer_in', id, at, deps);
    await tx.update(transfers).set({ status: 'received', receivedAt: at, receivedBy: office.userId }).where(and(eq(transfers.chainId, chainId), eq(transfers.id, id)));
  }));
  return loadTransfer(deps.db, chainId, id);
}

/** Transfers from or to the caller's stores (or one of them), newest first, at most 200. */
export async function listTransfers(deps: Deps, principal: Principal, q: { storeId?: string | undefined; direction?: 'in' | 'out' | undefined; status?: Transfer['status'] | undefined }): Promise<Transfer[]> {
  const visible = (await storesInScope(deps.db, principal)).map((s) => s.id);
  if (q.storeId && !visible.includes(q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  const storeIds = uuidArray(q.storeId ? [q.storeId] : visible);
  if (!q.storeId && visible.length === 0) return [];
  const outgoing = sql`t.from_store_id = any(${storeIds}::uuid[])`;
  const incoming = sql`t.to_store_id = any(${storeIds}::uuid[])`;
  const side = q.direction === 'out' ? outgoing : q.direction === 'in' ? incoming : sql`(${outgoing} or ${incoming})`;
  return loadTransfers(deps.db, principal.chainId, sql.join([side, ...(q.status ? [sql`t.status = ${q.status}`] : [])], sql` and `));
}

/** One transfer the caller may see: one of its stores sent or receives it. */
export async function transferInScope(deps: Deps, principal: Principal, id: string): Promise<Transfer> {
  const transfer = (await loadTransfers(deps.db, principal.chainId, sql`t.id = ${id}`))[0];
  const visible = (await storesInScope(deps.db, principal)).map((s) => s.id);
  if (!transfer || (!visible.includes(transfer.from.id) && !visible.includes(transfer.to.id))) throw new AppError('NOT_FOUND', 'no such transfer');
  return transfer;
}

const loadTransfer = async (db: Db, chainId: string, id: string) => (await loadTransfers(db, chainId, sql`t.id = ${id}`))[0]!;

type TransferRow = {
  id: string; no: string; status: Transfer['status']; cross_owner: boolean; note: string | null; shipped_by: string; shipped_at: string; received_at: string | null;
  from: Transfer['from']; to: Transfer['to']; lines: Omit<Transfer['lines'][number], 'difference'>[];
};

async function loadTransfers(db: Db, chainId: string, where: SQL): Promise<Transfer[]> {
  const instant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const storeRef = (alias: string) => sql.raw(`json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'nameZh', ${alias}.name_zh, 'nameEn', ${alias}.name_en)`);
  const rows = await query<TransferRow>(db, sql`
    select t.id, t.no, t.status, t.cross_owner, t.note, coalesce(u.name, '') as shipped_by, ${instant(sql`t.shipped_at`)} as shipped_at, ${instant(sql`t.received_at`)} as received_at,
           ${storeRef('fs')} as from, ${storeRef('ts')} as to,
           (select json_agg(json_build_object('productId', l.product_id, 'sku', p.sku, 'nameZh', p.name_zh, 'nameEn', p.name_en, 'quantity', l.quantity, 'received', l.received,
                   'unitPriceMinor', l.unit_price_minor,
                   'barcode', (select min(b.code) from barcodes b where b.chain_id = l.chain_id and b.product_id = l.product_id and b.active)) order by p.sku)
              from transfer_lines l join products p on p.chain_id = l.chain_id and p.id = l.product_id
             where l.chain_id = t.chain_id and l.transfer_id = t.id) as lines
    from transfers t
    join stores fs on fs.chain_id = t.chain_id and fs.id = t.from_store_id
    join stores ts on ts.chain_id = t.chain_id and ts.id = t.to_store_id
    left join users u on u.chain_id = t.chain_id and u.id = t.shipped_by
    where t.chain_id = ${chainId} and ${where}
    order by t.shipped_at desc, t.no desc
    limit 200`);
  return rows.map((r) => {
    const lines = (r.lines ?? []).map((l) => ({ ...l, difference: l.received === null ? null : l.received - l.quantity }));
    const valueMinor = r.cross_owner ? lines.reduce((sum, l) => sum + (l.received ?? l.quantity) * (l.unitPriceMinor ?? 0), 0) : null;
    return {
      id: r.id, no: r.no, from: r.from, to: r.to, status: r.status, crossOwner: r.cross_owner, note: r.note, shippedBy: r.shipped_by,
      shippedAt: r.shipped_at, receivedAt: r.received_at, valueMinor, lines,
    };
  });
}
