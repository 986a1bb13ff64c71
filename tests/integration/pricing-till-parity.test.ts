import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { voucherRedemptions } from '@pos/hq-server/sales/sales.tables';
import { seededRandom } from '@pos/hq-server/seed/random';
import { DiscrepancyList, PushResponse, VoucherState, type MemberLevel, type PairedDevice, type Sale } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { catalogFacts, createMemberLevel, createPromotion, enrolMember, every, ruleOf, setCashRounding } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';
import { priceSaleOnTill, pullEverything, tillPricer, type TillPricer, type TillSaleInput } from '../support/till-pricing';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let hq: string;
let gold: MemberLevel;
let silver: MemberLevel;
let goldMember: string;
let silverMember: string;
let pricer: TillPricer;
const random = seededRandom(7301);
const HOUR = 3_600_000;
const clock = testClock();
/** Single-use codes of the voucher promotion, each handed out once. */
const voucherCodes = Array.from({ length: 400 }, (_, i) => `V${String(i).padStart(4, '0')}`);
let nextVoucher = 0;
/** 抹零 to the nearest 0.10, so every cash sale carries a rounding HQ must agree with. */
const rounding = { unitMinor: 10, mode: 'half_up' } as const;

async function setPrice(body: Record<string, unknown>) {
  const res = await f.app.request('/pricing/prices', json(body, hq));
  if (res.status !== 201) throw new Error(`price refused: ${res.status} ${await res.text()}`);
}

/** Prices of every kind: member prices per level and for all levels, scheduled chain and store changes. */
async function setUpPrices(start: number) {
  const items = f.catalog;
  for (const [i, item] of items.slice(0, 20).entries()) await setPrice({ productId: item.id, amountMinor: item.priceMinor + 100 + i, effectiveFrom: new Date(start + 36 * HOUR).toISOString() });
  for (const item of items.slice(20, 25)) await setPrice({ productId: item.id, storeId: till.store.id, amountMinor: item.priceMinor - 30, effectiveFrom: new Date(start + 12 * HOUR).toISOString() });
  for (const item of items.slice(25, 45)) await setPrice({ productId: item.id, kind: 'member', memberLevelId: gold.id, amountMinor: Math.round(item.priceMinor * 0.9) });
  for (const item of items.slice(45, 55)) await setPrice({ productId: item.id, kind: 'member', amountMinor: Math.round(item.priceMinor * 0.95) });
}

async function setUpPromotions(start: number) {
  const { parents, children, brands } = await catalogFacts(f);
  const ids = f.catalog.map((c) => c.id);
  const endsTomorrow = new Date(start + 32 * HOUR).toISOString().slice(0, 10);
  const rules = [
    ruleOf('item_discount', '精选九折 Picks 10%', { productIds: ids.slice(0, 20), offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null }, { priority: 1 }),
    ruleOf('category_discount', 'Family 15%', { categoryIds: [parents[0]!.id], offer: { type: 'percent_off', percentBp: 1500 }, unitLimit: 3 }, { combination: 'exclusive' }),
    ruleOf('brand_discount', 'Brand 0.50 off', { brandIds: [brands[0]!], offer: { type: 'amount_off', amountMinor: 50 }, unitLimit: null }, { combination: 'best_of', group: 'brand' }),
    ruleOf('brand_discount', 'Brand 5%', { brandIds: [brands[0]!], offer: { type: 'percent_off', percentBp: 500 }, unitLimit: null }, { combination: 'best_of', group: 'brand' }),
    ruleOf('member_price', 'Gold special', { productIds: ids.slice(60, 70), priceMinor: 100, unitLimit: 2 }, { memberLevelIds: [gold.id] }),
    ruleOf('happy_hour', 'Evening 20%', { scope: { ...every, categoryIds: [children[3]!.id] }, offer: { type: 'percent_off', percentBp: 2000 }, windows: [{ from: '17:00', to: '19:00' }], unitLimit: null }),
    ruleOf('buy_n_get_m', 'Buy 2 get 1 half', { scope: { ...every, brandIds: [brands[1]!] }, buy: 2, get: 1, rewardPercentBp: 5000, maxApplications: null }),
    ruleOf('spend_threshold_off', '满100减10', { scope: every, tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }, { minSpendMinor: 20_000, offMinor: 2500 }], repeat: false }),
    ruleOf('spend_threshold_percent', 'Big basket 3%', { scope: every, tiers: [{ minSpendMinor: 30_000, percentBp: 300 }] }, { combination: 'best_of', group: 'big' }),
    ruleOf('spend_threshold_off', 'Big basket 8 off', { scope: every, tiers: [{ minSpendMinor: 30_000, offMinor: 800 }], repeat: false }, { combination: 'best_of', group: 'big' }),
    ruleOf('voucher', 'Voucher 20', { scope: every, codes: voucherCodes, faceValueMinor: 2000, minSpendMinor: 5000, maxPerTicket: 1 }),
    ruleOf('spend_gift', '满60赠 Gift over 60', { scope: every, minSpendMinor: 6000, gift: { productId: ids.at(-1)!, quantity: 2, valueMinor: 999 } }),
    ruleOf('points_multiplier', 'Double points', { scope: every, multiplierBp: 20_000 }),
    ruleOf('birthday', 'Birthday week 10%', { scope: every, offer: { type: 'percent_off', percentBp: 1000 }, window: 'week', unitLimit: null }),
    ruleOf('item_discount', 'Weekend 25%', { productIds: ids.slice(100, 120), offer: { type: 'percent_off', percentBp: 2500 }, unitLimit: null }, { weekdays: [6, 7] }),
    ruleOf('item_discount', 'Ends tomorrow 30%', { productIds: ids.slice(120, 140), offer: { type: 'percent_off', percentBp: 3000 }, unitLimit: null }, { validTo: endsTomorrow }),
  ];
  for (const rule of rules) await createPromotion(f, hq, rule);
  await createPromotion(f, hq, ruleOf('item_discount', 'Paused 90%', { productIds: ids.slice(0, 100), offer: { type: 'percent_off', percentBp: 9000 }, unitLimit: null }), 'paused');
  await createPromotion(f, hq, ruleOf('spend_threshold_off', 'Draft', { scope: every, tiers: [{ minSpendMinor: 0, offMinor: 500 }], repeat: false }), 'draft');
}

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
  till = await pairTill(f, 'S001');
  hq = await signInOffice(f, 'hq@demo.pos');
  gold = await createMemberLevel(f, hq, 'GOLD');
  silver = await createMemberLevel(f, hq, 'SILVER');
  goldMember = await enrolMember(f, hq, '66660010', gold.id);
  silverMember = await enrolMember(f, hq, '66660028', silver.id);
  const start = f.deps.clock().getTime();
  await setUpPrices(start);
  await setUpPromotions(start);
  await setCashRounding(f, hq, rounding);
  pricer = tillPricer((await pullEverything(f.app, till.deviceToken)).catalog);
});
afterAll(() => database.close());

function randomInput(start: number): TillSaleInput {
  const at = new Date(start + random.int(0, 72 * HOUR));
  const roll = random.next();
  const member = roll < 0.35 ? { id: goldMember, levelId: gold.id, birthday: random.next() < 0.5 ? '11-24' : null } : roll < 0.55 ? { id: silverMember, levelId: silver.id, birthday: null } : null;
  const items = Array.from({ length: random.int(1, 6) }, () => ({ productId: random.pick(f.catalog).id, quantity: random.int(1, 4) }));
  const vouchers = random.next() < 0.25 ? [random.next() < 0.8 ? voucherCodes[nextVoucher++]! : 'NOPE'] : [];
  const manual: TillSaleInput['manual'] = [
    ...(random.next() < 0.1 ? [{ lineIndex: null, kind: 'percent' as const, value: 500 }] : []),
    ...(random.next() < 0.1 ? [{ lineIndex: 0, kind: 'amount' as const, value: 100 }] : []),
  ];
  return { at, items, member, vouchers, manual, rounding };
}

async function push(documents: Sale[]) {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

const discrepancyCount = async () => (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(pricingDiscrepancies))[0]!.n;

describe('the till and HQ price alike', () => {
  it('finds zero discrepancies in 1,000 random sales priced on the till side', async () => {
    const start = f.deps.clock().getTime();
    const sales = Array.from({ length: 1000 }, (_, i) => priceSaleOnTill(pricer, till, f.clerkIds['0012']!, randomInput(start), `PAR-${i}`));
    // HQ hears of them once the last is made: it takes no sale from more than a day ahead of its clock.
    clock.set(new Date(start + 72 * HOUR).toISOString());
    for (let i = 0; i < sales.length; i += 100) {
      const results = await push(sales.slice(i, i + 100));
      expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
    }
    clock.set(new Date(start).toISOString());
    expect(await discrepancyCount()).toBe(0);
    const ruleIds = new Set(sales.flatMap((s) => s.lines.flatMap((l) => l.adjustments ?? []).map((a) => a.ruleId.replace(/^manual:.*/, 'manual'))));
    expect(ruleIds.size).toBeGreaterThanOrEqual(10);
    expect(sales.filter((s) => s.discountMinor > 0).length).toBeGreaterThan(300);
    expect(sales.filter((s) => s.lines.some((l) => l.giftRuleId)).length).toBeGreaterThan(20);
    expect(sales.filter((s) => s.roundingMinor !== 0).length).toBeGreaterThan(500);
  });

  it('records a sale priced for a level the member does not hold, or for a member HQ does not know, and accepts it', async () => {
    const items = [{ productId: f.catalog[30]!.id, quantity: 1 }];
    const claimed = [
      { member: { id: silverMember, levelId: gold.id, birthday: null }, problem: 'MEMBER_LEVEL' },
      { member: { id: '0195505c-0000-7000-8000-00000000dead', levelId: gold.id, birthday: null }, problem: 'MEMBER_UNKNOWN' },
    ];
    for (const [i, { member, problem }] of claimed.entries()) {
      const sale = priceSaleOnTill(pricer, till, f.clerkIds['0012']!, { at: f.deps.clock(), items, member, vouchers: [], manual: [], rounding }, `PAR-M${i}`);
      expect((await push([sale]))[0]!.status).toBe('accepted');
      const rows = await f.deps.db.select().from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale.id));
      expect(rows.map((r) => r.detail)).toEqual([expect.objectContaining({ problem, memberId: member.id })]);
    }
  });

  it('takes a voucher once: a second sale spending the same code is accepted and recorded as a difference', async () => {
    const code = voucherCodes.at(-1)!;
    const items = [{ productId: f.catalog[40]!.id, quantity: 20 }];
    const [first, second] = [1, 2].map((n) => priceSaleOnTill(pricer, till, f.clerkIds['0012']!, { at: f.deps.clock(), items, member: null, vouchers: [code], manual: [], rounding }, `PAR-V${n}`));
    expect(first!.discountMinor).toBeGreaterThanOrEqual(2000);
    expect((await push([first!, second!])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await f.deps.db.select().from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, first!.id))).toEqual([]);
    const [reused] = await f.deps.db.select().from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, second!.id));
    expect(reused).toMatchObject({ differenceMinor: -2000, detail: expect.objectContaining({ problem: 'VOUCHER_REUSED', code, spentBySaleId: first!.id }) });
    const listed = DiscrepancyList.parse(await (await f.app.request(`/pricing/discrepancies?saleId=${second!.id}`, bearer(hq))).json()).items;
    expect(listed).toEqual([expect.objectContaining({ problem: 'VOUCHER_REUSED', product: null, rules: [expect.objectContaining({ id: (reused!.detail as { ruleId: string }).ruleId, tillMinor: null, hqMinor: null })] })]);
    expect(listed[0]!.rules[0]!.name).not.toBe(listed[0]!.rules[0]!.id);
    const [redemption] = await f.deps.db.select().from(voucherRedemptions).where(eq(voucherRedemptions.code, code));
    expect(redemption).toMatchObject({ saleId: first!.id, amountMinor: 2000 });
    const state = async (asked: string) => VoucherState.parse(await (await f.app.request(`/vouchers/${asked}`, bearer(till.deviceToken))).json());
    expect(await state(code)).toEqual({ code, redeemedAt: first!.completedAt });
    expect(await state(voucherCodes[398]!)).toEqual({ code: voucherCodes[398], redeemedAt: null });
  });

  it('records a mis-priced sale as one discrepancy and still accepts it, once', async () => {
    const before = await discrepancyCount();
    const sale = priceSaleOnTill(pricer, till, f.clerkIds['0012']!, { at: f.deps.clock(), items: [{ productId: f.catalog[200]!.id, quantity: 2 }, { productId: f.catalog[201]!.id, quantity: 1 }], member: null, vouchers: [], manual: [], rounding }, 'PAR-BAD');
    const line = sale.lines[0]!;
    const extra = 100 * line.quantity;
    const mispriced = {
      ...sale, lines: [{ ...line, unitPriceMinor: line.unitPriceMinor + 100, grossMinor: line.grossMinor + extra, netMinor: line.netMinor + extra }, ...sale.lines.slice(1)],
      subtotalMinor: sale.subtotalMinor + extra, totalMinor: sale.totalMinor + extra, changeMinor: 0,
      payments: [{ ...sale.payments[0]!, amountMinor: sale.totalMinor + sale.roundingMinor + extra, tenderedMinor: sale.totalMinor + sale.roundingMinor + extra }],
    } as Sale;
    expect((await push([mispriced]))[0]!.status).toBe('accepted');
    expect((await push([mispriced]))[0]!.status).toBe('duplicate');
    expect(await discrepancyCount()).toBe(before + 1);
    const res = await f.app.request(`/pricing/discrepancies?saleId=${sale.id}`, bearer(hq));
    const { items } = DiscrepancyList.parse(await res.json());
    expect(items).toEqual([expect.objectContaining({
      saleId: sale.id, lineId: line.id, tillMinor: line.netMinor + extra, hqMinor: line.netMinor, differenceMinor: extra,
      storeCode: 'S001', receiptNo: 'PAR-BAD', completedAt: sale.completedAt, problem: null, tillBehind: false,
      product: expect.objectContaining({ id: line.productId, sku: expect.any(String) }),
    })]);
    expect((await f.app.request(`/pricing/discrepancies?saleId=${sale.id}&behind=true`, bearer(hq))).status).toBe(200);
    expect(DiscrepancyList.parse(await (await f.app.request(`/pricing/discrepancies?saleId=${sale.id}&behind=true`, bearer(hq))).json()).items).toEqual([]);
    const rows = await f.deps.db.select().from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale.id));
    expect(rows[0]!.detail).toMatchObject({ tillUnitPriceMinor: line.unitPriceMinor + 100, hqUnitPriceMinor: line.unitPriceMinor });
  });
});
