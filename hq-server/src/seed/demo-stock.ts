import { and, eq, inArray } from 'drizzle-orm';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { products } from '../catalog/catalog.tables';
import { stores, users } from '../org/org.tables';
import { runAllocation, shipAllocation } from '../stock/allocation.service';
import { createRequisition, listShipments, receiveShipment } from '../stock/distribution.service';
import { requisitions } from '../stock/distribution.tables';
import { moveStock } from '../stock/stock-ledger';
import { productPacks, stockLevels, storeStockSettings, warehouses } from '../stock/stock.tables';
import { storeReplenishment } from '../stock/store-stock.tables';

const DAY = 86_400_000;

/**
 * The demo chain's goods side (进销存与配送): a distribution centre holding HQ's stock of the first
 * 40 products, in packs of 6, 12 or 24; opening stock at every store for the first 300 products
 * (enough to cover the history's sales); the flagship first in the queue when stock is short.
 * Five stores asked for goods and HQ allocated and shipped them: four received theirs (S003 one
 * pack short), the shipment to S002 is still on its way for the demo to receive. New requisitions
 * wait, one of them overdue, for a product the centre holds too little of, so the next allocation
 * is short and explained. S001 and the east franchisee's S004 replenish a few products by rule, so
 * suggestions wait at first start: two below their min, one above it, and "sell one, send one"
 * counting the last week's sales.
 */
export async function seedDemoStock(deps: Deps, chainId: string): Promise<void> {
  const { db, clock } = deps;
  const now = clock();
  const warehouseId = newId(clock);
  const catalog = await db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), eq(products.active, true))).orderBy(products.sku).limit(300);
  const storeRows = await db.select({ id: stores.id, code: stores.code }).from(stores).where(eq(stores.chainId, chainId)).orderBy(stores.code);
  const storeOf = (code: string) => storeRows.find((s) => s.code === code)!.id;
  const [hq] = await db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, 'hq@demo.pos')));
  const office: OfficePrincipal = { kind: 'office', chainId, userId: hq!.id, sessionId: newId(clock), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };
  const shipped = catalog.slice(0, 40);

  await db.transaction(async (tx) => {
    await tx.insert(warehouses).values({ chainId, id: warehouseId, code: 'DC01', nameZh: '上海配送中心', nameEn: 'Shanghai Distribution Centre' });
    await tx.insert(productPacks).values(shipped.map((p, i) => ({ chainId, productId: p.id, packSize: [6, 12, 24][i % 3]! })));
    await tx.insert(storeStockSettings).values([{ chainId, storeId: storeOf('S001'), allocationPriority: 1 }, { chainId, storeId: storeOf('S007'), allocationPriority: 9 }]);
    // The first product runs short: the centre holds 3 packs of 6 for what the stores ask.
    await moveStock(tx, chainId, shipped.map((p, i) => ({ placeId: warehouseId, productId: p.id, delta: i === 0 ? 18 : 240 + (i % 5) * 48, inTransit: 0 })), 'opening', warehouseId, new Date(now.getTime() - 7 * DAY), deps);
    const held = await tx.select({ storeId: stockLevels.storeId, productId: stockLevels.productId, quantity: stockLevels.quantity }).from(stockLevels)
      .where(and(eq(stockLevels.chainId, chainId), inArray(stockLevels.storeId, storeRows.map((s) => s.id))));
    for (const store of storeRows) {
      const moves = catalog.map((p, i) => {
        const sold = -Math.min(0, held.find((h) => h.storeId === store.id && h.productId === p.id)?.quantity ?? 0);
        return { placeId: store.id, productId: p.id, delta: sold + 12 + (i % 7) * 6, inTransit: 0 };
      });
      await moveStock(tx, chainId, moves, 'opening', store.id, new Date(now.getTime() - 90 * DAY), deps);
    }
  });

  const ask = (code: string, lines: [number, number][]) =>
    createRequisition(deps, office, { storeId: storeOf(code), warehouseId, kind: 'request', lines: lines.map(([i, quantity]) => ({ productId: shipped[i]!.id, quantity })) });
  for (const code of ['S001', 'S002', 'S003', 'S004', 'S005']) await ask(code, [[1, 24], [2, 36], [3, 48]]);
  const first = await runAllocation(deps, office, warehouseId);
  await shipAllocation(deps, office, first.id);
  for (const shipment of await listShipments(deps, office, { status: 'in_transit' })) {
    if (shipment.storeCode === 'S002') continue;
    const short = shipment.storeCode === 'S003' ? shipment.lines[0]!.productId : null;
    const packOf = (productId: string) => first.products.items.find((p) => p.productId === productId)!.packSize;
    await receiveShipment(deps, office, shipment.id, { lines: shipment.lines.map((l) => ({ productId: l.productId, received: l.productId === short ? l.shipped - packOf(l.productId) : l.shipped })) });
  }

  await ask('S001', [[0, 12], [4, 24]]);
  await ask('S002', [[0, 12], [5, 12]]);
  await ask('S003', [[0, 6]]);
  const overdue = await ask('S006', [[0, 12], [6, 24]]);
  await db.update(requisitions).set({ createdAt: new Date(now.getTime() - 3 * DAY) }).where(and(eq(requisitions.chainId, chainId), eq(requisitions.id, overdue.id)));

  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const ideal = (code: string, i: number, minQuantity: number, maxQuantity: number, leadTimeDays: number) =>
    ({ chainId, storeId: storeOf(code), productId: shipped[i]!.id, policy: 'ideal' as const, minQuantity, maxQuantity, leadTimeDays, updatedAt: now });
  const sellOne = (code: string, i: number, maxQuantity: number) =>
    ({ chainId, storeId: storeOf(code), productId: shipped[i]!.id, policy: 'sell_one_send_one' as const, minQuantity: 0, maxQuantity, leadTimeDays: 0, lastAskedAt: weekAgo, updatedAt: weekAgo });
  await db.insert(storeReplenishment).values([
    ideal('S001', 8, 40, 96, 2), ideal('S001', 9, 30, 60, 3), ideal('S001', 10, 10, 40, 0), sellOne('S001', 11, 100), sellOne('S001', 12, 60),
    ideal('S004', 8, 40, 96, 2), ideal('S004', 13, 24, 48, 1), sellOne('S004', 12, 60),
  ]);
}
