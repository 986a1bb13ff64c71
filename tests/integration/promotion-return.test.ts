import { PromotionReturnReport, type PairedDevice, type Sale } from '@pos/shared';
import { productCosts } from '@pos/hq-server/catalog/catalog.tables';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saleWithClerks } from '../support/commission-sales';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { createPromotion, ruleOf } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let till: PairedDevice;
let discountId: string;
let giftId: string;
const [P, G] = [7, 8];

/** A sale of `units` of P at 10.00 on S004, each line 20% off by the discount promotion when `off`; with `gift` gift units of G (3.00 each) given by the gift promotion. */
function sale(at: string, units: number, off: boolean, gift = 0): Sale {
  const made = saleWithClerks(f, till, at, [{ product: P, units, unitMinor: 1000, shares: [] }, ...(gift ? [{ product: G, units: gift, unitMinor: 300, shares: [] }] : [])]);
  made.lines = made.lines.map((l) => {
    if (l.productId === f.catalog[G]!.id) {
      return { ...l, discountMinor: l.grossMinor, netMinor: 0, giftRuleId: giftId, adjustments: [{ ruleId: giftId, ruleName: 'Gift', amountMinor: l.grossMinor }] } as Sale['lines'][number];
    }
    if (!off) return l;
    const discount = l.grossMinor / 5;
    return { ...l, discountMinor: discount, netMinor: l.grossMinor - discount, adjustments: [{ ruleId: discountId, ruleName: '20% off', amountMinor: discount }] } as Sale['lines'][number];
  });
  const total = made.lines.reduce((n, l) => n + l.netMinor, 0);
  const discount = made.lines.reduce((n, l) => n + l.discountMinor, 0);
  made.payments = [{ ...made.payments[0]!, amountMinor: total, tenderedMinor: total }] as Sale['payments'];
  return { ...made, subtotalMinor: total + discount, discountMinor: discount, totalMinor: total, cashierId: f.clerkIds['0042']! } as Sale;
}

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  const [p, g] = [f.catalog[P]!.id, f.catalog[G]!.id];
  await f.deps.db.delete(productCosts).where(and(eq(productCosts.chainId, f.chainId), inArray(productCosts.productId, [p, g])));
  await f.deps.db.insert(productCosts).values([
    { chainId: f.chainId, id: '0195505c-0000-7000-8000-00000000c071', productId: p, amountMinor: 500, effectiveFrom: new Date('2020-01-01T00:00:00Z'), enteredAt: new Date('2020-01-01T00:00:00Z') },
    { chainId: f.chainId, id: '0195505c-0000-7000-8000-00000000c072', productId: g, amountMinor: 150, effectiveFrom: new Date('2020-01-01T00:00:00Z'), enteredAt: new Date('2020-01-01T00:00:00Z') },
  ]);
  discountId = (await createPromotion(f, hq, ruleOf('item_discount', '20% off', { productIds: [p], offer: { type: 'percent_off', percentBp: 2000 }, unitLimit: null }))).id;
  const every = { productIds: [], categoryIds: [], brandIds: [], excludeProductIds: [] };
  giftId = (await createPromotion(f, hq, ruleOf('spend_gift', 'Gift over 50', { scope: every, minSpendMinor: 5000, gift: { productId: g, quantity: 2, valueMinor: 300 } }))).id;
  till = await pairTill(f, 'S004');
  const documents = [
    sale('2026-11-06T12:00:00+08:00', 2, false), sale('2026-11-08T12:00:00+08:00', 3, false),
    sale('2026-11-10T12:00:00+08:00', 4, true), sale('2026-11-14T12:00:00+08:00', 6, true, 2),
  ];
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(documents.map(() => 'accepted'));
});
afterAll(() => database.close());

async function returns(token: string, query: string) {
  const res = await f.app.request(`/reports/promotion-return?${query}`, bearer(token));
  expect(res.status).toBe(200);
  return PromotionReturnReport.parse(await res.json());
}

describe('promotion return (促销活动投资收益率)', () => {
  it('gives each promotion’s cost and its promoted goods during it against as many days before, by hand', async () => {
    const report = await returns(hq, 'from=2026-11-01&to=2026-11-30');
    expect(report.items.map((p) => p.name)).toEqual(['20% off', 'Gift over 50']);
    const [discount, gift] = report.items;
    // 4 and 6 units at 10.00 less 20%: 80.00 of sales, 20.00 given, margin 80.00 − 10 × 5.00; the five days before 5 units, 50.00, margin 25.00.
    expect(discount).toMatchObject({
      promotionId: discountId, kind: 'item_discount', during: { from: '2026-11-10', to: '2026-11-14' }, before: { from: '2026-11-05', to: '2026-11-09' },
      products: 1, stores: 1, discountMinor: 2000, giftUnits: 0, giftCostMinor: 0, costMinor: 2000,
      promoted: { during: { salesMinor: 8000, quantity: 10, marginMinor: 3000 }, before: { salesMinor: 5000, quantity: 5, marginMinor: 2500 } },
      upliftSalesMinor: 3000, upliftBp: 6000, upliftMarginMinor: 500, returnBp: 2500,
    });
    // Two gifts at 1.50 cost: given on one day, nothing of them sold the day before.
    expect(gift).toMatchObject({
      during: { from: '2026-11-14', to: '2026-11-14' }, before: { from: '2026-11-13', to: '2026-11-13' }, discountMinor: 0, giftUnits: 2, giftCostMinor: 300, costMinor: 300,
      promoted: { during: { salesMinor: 0, quantity: 2, marginMinor: -300 }, before: { salesMinor: 0, quantity: 0, marginMinor: 0 } }, upliftBp: null, returnBp: -10_000,
    });
  });

  it('shows a franchisee their stores’ promotions without cost prices, and nothing outside the range or their stores', async () => {
    const east = await returns(await signInOffice(f, 'east@demo.pos'), 'from=2026-11-01&to=2026-11-30');
    expect(east.seeCost).toBe(false);
    expect(east.items[0]).toMatchObject({ discountMinor: 2000, giftCostMinor: null, costMinor: 2000, upliftMarginMinor: null, returnBp: null, promoted: { during: { marginMinor: null } } });
    expect((await returns(hq, 'from=2026-10-01&to=2026-10-31')).items).toEqual([]);
    expect((await returns(await signInOffice(f, 'west@demo.pos'), 'from=2026-11-01&to=2026-11-30')).items).toEqual([]);
    expect((await f.app.request(`/reports/promotion-return?from=2026-11-01&to=2026-11-30&storeId=${f.storeIds.S001}`, bearer(await signInOffice(f, 'east@demo.pos')))).status).toBe(404);
  });

  it('exports the figures as real numbers, rates and dates', async () => {
    const res = await f.app.request('/reports/promotion-return/export', json({ query: { from: '2026-11-01', to: '2026-11-30' }, format: 'xlsx', language: 'en' }, hq));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const row = book.getWorksheet('Promotion return')!.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(9).value, row.getCell(10).value, row.getCell(13).value, row.getCell(17).value])
      .toEqual(['20% off', new Date('2026-11-10T00:00:00Z'), 20, 80, 0.6, 0.25]);
  });
});
