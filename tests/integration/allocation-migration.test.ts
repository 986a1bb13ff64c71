import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Allocation, Requisition } from '@pos/shared';
import { newId } from '@pos/hq-server/ids';
import { loadAllocation } from '@pos/hq-server/stock/allocation.service';
import { moveStock } from '@pos/hq-server/stock/stock-ledger';
import { productPacks, storeStockSettings, warehouses } from '@pos/hq-server/stock/stock.tables';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
}, 240_000);
afterAll(() => database.close());

const migration = readFileSync(join(import.meta.dirname, '../../migrations/0036_allocation-products.sql'), 'utf8').split('--> statement-breakpoint');
const page = { offset: 0, limit: 100, short: undefined, q: undefined };

describe('the move of allocations from a row per store and product to a row per product (0036)', () => {
  it('keeps every store’s proposal, quantity and why, and the manager’s changes, of an allocation made before it', async () => {
    // A draft the way the rules make it: two products short over three stores, one line changed by a manager.
    const warehouseId = newId(f.deps.clock);
    await f.deps.db.insert(warehouses).values({ chainId: f.chainId, id: warehouseId, code: 'DC-MIG', nameZh: '迁移仓', nameEn: 'Migration warehouse' });
    const [a, b] = [f.catalog[250]!.id, f.catalog[251]!.id];
    await f.deps.db.insert(productPacks).values([{ chainId: f.chainId, productId: a, packSize: 6 }, { chainId: f.chainId, productId: b, packSize: 4 }]);
    await f.deps.db.insert(storeStockSettings).values({ chainId: f.chainId, storeId: f.storeIds.S006!, allocationPriority: 2 }).onConflictDoNothing();
    await f.deps.db.transaction((tx) => moveStock(tx, f.chainId, [{ placeId: warehouseId, productId: a, delta: 30, inTransit: 0 }, { placeId: warehouseId, productId: b, delta: 9, inTransit: 0 }], 'opening', warehouseId, f.deps.clock(), f.deps));
    for (const [store, quantities] of [['S001', [24, 8]], ['S002', [18, 4]], ['S006', [12, 12]]] as const) {
      const res = await f.app.request('/stock/requisitions', json({ storeId: f.storeIds[store], warehouseId, lines: [{ productId: a, quantity: quantities[0] }, { productId: b, quantity: quantities[1] }] }, hq));
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as Requisition).status).toBe('asked');
    }
    const run = (await (await f.app.request('/stock/allocations', json({ warehouseId }, hq))).json()) as Allocation;
    expect(run.totals.productsShort).toBe(2);
    const moved = run.products.items.find((p) => p.productId === a)!.lines.filter((l) => l.quantity > 0).slice(0, 2);
    const change = await f.app.request(`/stock/allocations/${run.id}/lines`, {
      ...json({ lines: [{ storeId: moved[0]!.storeId, productId: a, quantity: moved[0]!.quantity - 6 }, { storeId: moved[1]!.storeId, productId: a, quantity: moved[1]!.quantity + 6 }] }, hq), method: 'PUT',
    });
    expect(change.status, await change.clone().text()).toBe(200);
    const before = await loadAllocation(f.deps.db, f.chainId, run.id, page);

    // The same draft as 0035 kept it: a line per store and product, each with its why as a document.
    await f.deps.db.execute(sql.raw(readFileSync(join(import.meta.dirname, '../../migrations/0032_stock-distribution.sql'), 'utf8').match(/CREATE TABLE "allocation_lines" \([\s\S]*?\n\);/)![0]));
    for (const p of before.products.items) {
      for (const l of p.lines) {
        await f.deps.db.execute(sql`
          insert into allocation_lines (chain_id, allocation_id, store_id, product_id, pack_size, proposed, quantity, why)
          values (${f.chainId}, ${run.id}, ${l.storeId}, ${p.productId}, ${p.packSize}, ${l.proposed}, ${l.quantity}, ${JSON.stringify(l.why)}::jsonb)`);
      }
    }
    await f.deps.db.execute(sql`delete from allocation_products where allocation_id = ${run.id}`);
    await f.deps.db.execute(sql`update allocations set store_ids = '{}', store_priorities = '{}' where id = ${run.id}`);

    // 0036's data statements, as the migration runs them, then the old table goes as 0037 drops it.
    for (const statement of migration.filter((s) => /^\s*(UPDATE|INSERT)/.test(s))) await f.deps.db.execute(sql.raw(statement));
    await f.deps.db.execute(sql`drop table allocation_lines`);
    const after = await loadAllocation(f.deps.db, f.chainId, run.id, page);
    expect(after).toEqual(before);
    expect(after.products.items.find((p) => p.productId === a)!.lines.filter((l) => l.quantity !== l.proposed)).toHaveLength(2);
  });
});
