import {
  PushResponse, ReplenishmentAskResult, ReplenishmentRule, ReplenishmentRuleList, ReplenishmentSuggestionList, RequisitionList, Sale, type PairedDevice, type ReplenishmentRuleBody,
} from '@pos/shared';
import { newId } from '@pos/hq-server/ids';
import { moveStock } from '@pos/hq-server/stock/stock-ledger';
import { productPacks, stockLevels, warehouses } from '@pos/hq-server/stock/stock.tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
let till: PairedDevice;
/** A warehouse of the test's own, so the demo's requisitions stay out of what these count. */
let warehouseId: string;
const MINUTE = 60_000;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  [hq, east, west] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 'east@demo.pos'), signInOffice(f, 'west@demo.pos')]);
  warehouseId = newId(f.deps.clock);
  await f.deps.db.insert(warehouses).values({ chainId: f.chainId, id: warehouseId, code: 'DC-REPL', nameZh: '补货测试仓', nameEn: 'Replenishment test warehouse' });
  till = await pairTill(f, 'S005');
}, 240_000);
afterAll(() => database.close());

const item = (i: number) => f.catalog[260 + i]!;
/** East's store without demo rules, so the rules here are the test's own. */
const S005 = () => f.storeIds.S005!;

/** Sets a product's stock on hand at S005 (an adjustment of the difference). */
async function stockAt(productId: string, onHand: number): Promise<void> {
  const [level] = await f.deps.db.select().from(stockLevels).where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, S005()), eq(stockLevels.productId, productId)));
  await f.deps.db.transaction((tx) => moveStock(tx, f.chainId, [{ placeId: S005(), productId, delta: onHand - (level?.quantity ?? 0), inTransit: 0 }], 'adjustment', newId(f.deps.clock), f.deps.clock(), f.deps));
}

const putRule = (token: string, storeId: string, productId: string, body: unknown) =>
  f.app.request(`/stock/replenishment/rules/${storeId}/${productId}`, { ...json(body, token), method: 'PUT' });

async function setRule(productId: string, body: ReplenishmentRuleBody): Promise<ReplenishmentRule> {
  const res = await putRule(east, S005(), productId, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return ReplenishmentRule.parse(await res.json());
}

async function suggestions(token = east) {
  const res = await f.app.request(`/stock/replenishment/suggestions?storeId=${S005()}`, bearer(token));
  expect(res.status, await res.clone().text()).toBe(200);
  const list = ReplenishmentSuggestionList.parse(await res.json());
  return (productId: string) => list.items.find((s) => s.productId === productId)!;
}

const ask = (productIds: string[], token = east) =>
  f.app.request('/stock/replenishment/requisitions', json({ storeId: S005(), warehouseId, productIds }, token));

/** A sale at S005's till of `quantity` of a product, reaching HQ now. */
async function sell(productId: string, quantity: number): Promise<void> {
  const sale = makeSale(f, till, '0052', { lines: 1 });
  const product = f.catalog.find((p) => p.id === productId)!;
  const gross = product.priceMinor * quantity;
  const line = { ...sale.lines[0]!, productId, barcode: product.barcode, nameZh: product.nameZh, nameEn: product.nameEn, quantity, unitPriceMinor: product.priceMinor, grossMinor: gross, netMinor: gross };
  const tendered = Math.ceil(gross / 10_000) * 10_000;
  const document = Sale.parse({ ...sale, lines: [line], subtotalMinor: gross, totalMinor: gross, changeMinor: tendered - gross, payments: [{ ...sale.payments[0]!, amountMinor: gross, tenderedMinor: tendered }] });
  const res = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [document] }, till.deviceToken))).json());
  expect(res.results.filter((r) => r.status !== 'accepted')).toEqual([]);
}

describe('replenishment rules of a store', () => {
  it('are set and listed for the caller’s own stores, with the pack size, and removed', async () => {
    await f.deps.db.insert(productPacks).values([{ chainId: f.chainId, productId: item(0).id, packSize: 6 }, { chainId: f.chainId, productId: item(1).id, packSize: 12 }]);
    const rule = await setRule(item(0).id, { policy: 'ideal', minQuantity: 10, maxQuantity: 30, leadTimeDays: 0 });
    expect(rule).toMatchObject({ storeId: S005(), productId: item(0).id, sku: expect.stringMatching(/^SKU/), packSize: 6, policy: 'ideal', minQuantity: 10, maxQuantity: 30, lastAskedAt: null, updatedAt: f.deps.clock().toISOString() });
    await setRule(item(2).id, { policy: 'sell_one_send_one', minQuantity: 0, maxQuantity: 50, leadTimeDays: 2 });
    const listed = ReplenishmentRuleList.parse(await (await f.app.request(`/stock/replenishment/rules?storeId=${S005()}`, bearer(hq))).json()).items;
    expect(new Map(listed.map((r) => [r.productId, r.packSize]))).toEqual(new Map([[item(0).id, 6], [item(2).id, 1]]));
    expect(listed.map((r) => r.sku)).toEqual(listed.map((r) => r.sku).sort());

    const removed = await f.app.request(`/stock/replenishment/rules/${S005()}/${item(2).id}`, { ...bearer(east), method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await f.app.request(`/stock/replenishment/rules/${S005()}/${item(2).id}`, { ...bearer(east), method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a bad rule, an unknown product and another owner’s store, changing nothing', async () => {
    const good = { policy: 'ideal', minQuantity: 5, maxQuantity: 10, leadTimeDays: 1 };
    for (const bad of [{ ...good, maxQuantity: 4 }, { ...good, minQuantity: -1 }, { ...good, maxQuantity: 2.5 }, { ...good, leadTimeDays: 366 }, { ...good, policy: 'weekly' }, { ...good, maxQuantity: 1_000_001 }]) {
      expect((await putRule(east, S005(), item(3).id, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const unknown = await putRule(east, S005(), warehouseId, good);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { details: { productIds: string[] } } }).error.details.productIds).toEqual([warehouseId]);
    expect((await putRule(east, f.storeIds.S001!, item(3).id, good)).status).toBe(404);
    expect((await putRule(west, S005(), item(3).id, good)).status).toBe(404);
    expect((await f.app.request(`/stock/replenishment/rules?storeId=${S005()}`, bearer(west))).status).toBe(404);
    expect((await f.app.request(`/stock/replenishment/suggestions?storeId=${S005()}`, bearer(west))).status).toBe(404);
    expect((await f.app.request(`/stock/replenishment/rules/${S005()}/${item(0).id}`, { ...bearer(west), method: 'DELETE' })).status).toBe(404);
    expect((await ask([item(0).id], west)).status).toBe(404);
    const rules = ReplenishmentRuleList.parse(await (await f.app.request(`/stock/replenishment/rules?storeId=${S005()}`, bearer(east))).json()).items;
    expect(rules.map((r) => r.productId)).toEqual([item(0).id]);
  });
});

describe('suggestions', () => {
  it('ideal stock: nothing above min counting what is on the way; at min, up to max in packs that fit', async () => {
    const sent = await f.app.request('/stock/transfers', json({ id: newId(f.deps.clock), fromStoreId: f.storeIds.S004, toStoreId: S005(), lines: [{ productId: item(0).id, quantity: 3 }] }, east));
    expect(sent.status, await sent.clone().text()).toBe(201);
    await stockAt(item(0).id, 8);
    expect((await suggestions())(item(0).id)).toMatchObject({ quantity: 0, why: { outcome: 'above_min', onHand: 8, inTransit: 3 } });
    // 5 + 3 = 8, at or below min 10: 22 to reach 30; three packs of 6 (26) fit under max and clear min.
    await stockAt(item(0).id, 5);
    expect((await suggestions())(item(0).id)).toMatchObject({ packs: 3, quantity: 18, packSize: 6, why: { outcome: 'suggest', need: 22, rounding: 'down', min: 10, max: 30 } });
  });

  it('counts what the store asked for and was not shipped, until the requisition is cancelled', async () => {
    const res = await f.app.request('/stock/requisitions', json({ storeId: S005(), warehouseId, lines: [{ productId: item(0).id, quantity: 6 }] }, east));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await suggestions())(item(0).id)).toMatchObject({ quantity: 0, why: { asked: 6, outcome: 'above_min' } });
    expect((await f.app.request(`/stock/requisitions/${id}/cancel`, json({}, east))).status).toBe(200);
    expect((await suggestions())(item(0).id)).toMatchObject({ quantity: 18, why: { asked: 0 } });
  });

  it('sell one, send one: what sold since the rule was set, less returns, rounded up to packs', async () => {
    await stockAt(item(1).id, 40);
    await sell(item(1).id, 3);
    f.clock.advance(MINUTE);
    await setRule(item(1).id, { policy: 'sell_one_send_one', minQuantity: 0, maxQuantity: 100, leadTimeDays: 0 });
    expect((await suggestions())(item(1).id)).toMatchObject({ quantity: 0, why: { outcome: 'nothing_sold', sold: 0 } });
    f.clock.advance(MINUTE);
    await sell(item(1).id, 5);
    expect((await suggestions())(item(1).id)).toMatchObject({ packs: 1, quantity: 12, why: { sold: 5, onHand: 32, need: 5, rounding: 'up' } });
  });

  it('ideal stock with a lead time counts the sales expected meanwhile at the last four weeks’ pace', async () => {
    await stockAt(item(3).id, 20);
    await sell(item(3).id, 8);
    await stockAt(item(3).id, 7);
    await setRule(item(3).id, { policy: 'ideal', minQuantity: 5, maxQuantity: 20, leadTimeDays: 0 });
    expect((await suggestions())(item(3).id).why.outcome).toBe('above_min');
    // 8 sold in 28 days: 2 expected over 7 days, so 5 by the time goods arrive, at min: 15 to reach 20.
    await setRule(item(3).id, { policy: 'ideal', minQuantity: 5, maxQuantity: 20, leadTimeDays: 7 });
    expect((await suggestions())(item(3).id)).toMatchObject({ quantity: 15, why: { sold: 8, paceDays: 28, expected: 2, need: 15 } });
  });
});

describe('asking for the suggestions in one action', () => {
  it('makes one requisition of what they suggest and stamps the rules asked, in one go', async () => {
    const res = await ask([item(0).id, item(1).id, item(3).id]);
    expect(res.status, await res.clone().text()).toBe(201);
    const { requisition, skipped } = ReplenishmentAskResult.parse(await res.json());
    expect(skipped).toEqual([]);
    expect(requisition).toMatchObject({ no: expect.stringMatching(/^R\d{6}$/), storeId: S005(), warehouseId, kind: 'request', status: 'asked' });
    expect(Object.fromEntries(requisition.lines.map((l) => [l.productId, l.asked]))).toEqual({ [item(0).id]: 18, [item(1).id]: 12, [item(3).id]: 15 });
    const rules = ReplenishmentRuleList.parse(await (await f.app.request(`/stock/replenishment/rules?storeId=${S005()}`, bearer(east))).json()).items;
    expect(rules.map((r) => r.lastAskedAt)).toEqual(rules.map(() => f.deps.clock().toISOString()));
    const now = await suggestions();
    expect([now(item(0).id).why.outcome, now(item(1).id).why.outcome, now(item(3).id).why.outcome]).toEqual(['above_min', 'nothing_sold', 'above_min']);
    expect(now(item(0).id).why.asked).toBe(18);
  });

  it('asks nothing twice: pressed again it is refused, and a sale since is what the next one sends', async () => {
    const again = await ask([item(0).id, item(1).id]);
    expect(again.status).toBe(409);
    const mine = RequisitionList.parse(await (await f.app.request(`/stock/requisitions?storeId=${S005()}&warehouseId=${warehouseId}&status=asked`, bearer(hq))).json()).items;
    expect(mine).toHaveLength(1);

    f.clock.advance(MINUTE);
    await sell(item(1).id, 2);
    const next = await ask([item(0).id, item(1).id]);
    expect(next.status, await next.clone().text()).toBe(201);
    const result = ReplenishmentAskResult.parse(await next.json());
    expect(result.requisition.lines.map((l) => [l.productId, l.asked])).toEqual([[item(1).id, 12]]);
    expect(result.skipped).toEqual([item(0).id]);
  });

  it('two presses at once ask once', async () => {
    f.clock.advance(MINUTE);
    await sell(item(1).id, 1);
    const [a, b] = await Promise.all([ask([item(1).id]), ask([item(1).id])]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const asked = RequisitionList.parse(await (await f.app.request(`/stock/requisitions?storeId=${S005()}&warehouseId=${warehouseId}&status=asked`, bearer(hq))).json()).items;
    expect(asked).toHaveLength(3);
  });

  it('refuses products without a rule, an unknown warehouse, and changes nothing then', async () => {
    f.clock.advance(MINUTE);
    await sell(item(1).id, 1);
    const noRule = await ask([item(1).id, item(4).id]);
    expect(noRule.status).toBe(400);
    expect(((await noRule.json()) as { error: { details: { productIds: string[] } } }).error.details.productIds).toEqual([item(4).id]);
    const nowhere = await f.app.request('/stock/replenishment/requisitions', json({ storeId: S005(), warehouseId: newId(f.deps.clock), productIds: [item(1).id] }, east));
    expect(nowhere.status).toBe(404);
    expect((await suggestions())(item(1).id)).toMatchObject({ quantity: 12, why: { sold: 1 } });
    expect((await ask([item(1).id], hq)).status).toBe(201);
  });
});
