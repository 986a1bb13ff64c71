import { randomBytes } from 'node:crypto';
import { memberAccounts, memberCards } from '@pos/hq-server/members/membership.tables';
import { expirePoints } from '@pos/hq-server/points/expire-points';
import { transferPoints } from '@pos/hq-server/points/transfer-points';
import { pointsEntries, pointsLots, pointsRules } from '@pos/hq-server/points/points.tables';
import { verifyPointsPools } from '@pos/hq-server/points/verify-points';
import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { products } from '@pos/hq-server/catalog/catalog.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { ErrorBody, MemberPoints, PointsBalance, PointsRedemption, PointsRule, PointsSettings, PullResponse, PushResponse, uuidv7, type PairedDevice, type Sale, withCheckDigit } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { createPromotion, every, ruleOf } from '../support/pricing-setup';
import { makeReturn } from '../support/returns';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let s001: PairedDevice;
let s004: PairedDevice;
let hq: string;
let east: string;

interface DemoMember { id: string; cardNo: string; levelId: string; accountId: string }
const memberByCard = new Map<string, DemoMember>();

const send = (method: string, path: string, body: unknown, token: string) => f.app.request(path, { ...json(body, token), method });
const codeOf = async (res: Response) => ErrorBody.parse(await res.json()).error.code;
const id = () => uuidv7(f.deps.clock().getTime(), randomBytes(10));

async function push(till: PairedDevice, documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results.map((r) => r.status);
}

async function poolOf(member: DemoMember): Promise<number> {
  const [row] = await f.deps.db.select({ points: memberAccounts.points }).from(memberAccounts).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, member.accountId)));
  return row!.points;
}

async function entriesOf(member: DemoMember, kind?: typeof pointsEntries.$inferSelect.kind) {
  const rows = await f.deps.db.select().from(pointsEntries).where(and(eq(pointsEntries.chainId, f.chainId), eq(pointsEntries.accountId, member.accountId)));
  return kind ? rows.filter((r) => r.kind === kind) : rows;
}

/** A fresh member of the chain with their own pool (a copy of a demo member's level), so each test starts at zero. */
async function freshMember(levelOf: string): Promise<DemoMember> {
  const template = memberByCard.get(levelOf)!;
  const cardNo = withCheckDigit(`7700${String(memberByCard.size).padStart(6, '0')}`);
  const res = await f.app.request('/members', json({ cardNo, name: `积分 ${cardNo}`, phone: null, levelId: template.levelId, birthday: null }, hq));
  expect(res.status).toBe(201);
  const memberId = ((await res.json()) as { id: string }).id;
  const member = { id: memberId, cardNo, levelId: template.levelId, accountId: memberId };
  memberByCard.set(cardNo, member);
  return member;
}

/** A sale for `member` of `units` × the first catalog product at ¥`unitYuan`, paid in cash and, when given, partly with points. */
function memberSale(till: PairedDevice, member: DemoMember, units: number, unitYuan: number, options: { at?: Date; pointsPayment?: { id: string; amountMinor: number } } = {}): Sale {
  const sale = makeSale(f, till, till.store.code === 'S001' ? '0012' : '0042', { at: options.at, lines: 1 });
  const product = f.catalog[0]!;
  const gross = unitYuan * 100 * units;
  sale.lines = [{ ...sale.lines[0]!, productId: product.id, barcode: product.barcode, nameZh: product.nameZh, nameEn: product.nameEn, quantity: units, unitPriceMinor: unitYuan * 100, grossMinor: gross, discountMinor: 0, netMinor: gross }] as Sale['lines'];
  const points = options.pointsPayment;
  const cash = gross - (points?.amountMinor ?? 0);
  sale.payments = [
    ...(points ? [{ id: points.id, tender: 'points' as const, amountMinor: points.amountMinor, tenderedMinor: null, reference: null }] : []),
    { id: id(), tender: 'cash' as const, amountMinor: cash, tenderedMinor: cash, reference: null },
  ] as Sale['payments'];
  Object.assign(sale, { subtotalMinor: gross, totalMinor: gross, changeMinor: 0, pricing: { channel: 'retail', member: { id: member.id, levelId: member.levelId, birthday: null }, vouchers: [], manualDiscounts: [] } });
  return sale;
}

const redeem = (till: PairedDevice, body: { paymentId: string; saleId: string; cardNo: string; points: number }) => f.app.request('/points/redemptions', json(body, till.deviceToken));

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  s001 = await pairTill(f, 'S001');
  s004 = await pairTill(f, 'S004');
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  const rows = await f.deps.db.select({ id: members.id, cardNo: memberCards.cardNo, levelId: members.levelId, accountId: members.accountId }).from(members)
    .innerJoin(memberCards, and(eq(memberCards.chainId, members.chainId), eq(memberCards.memberId, members.id))).where(eq(members.chainId, f.chainId));
  for (const m of rows.filter((r) => [demoCardNo(1), demoCardNo(3)].includes(r.cardNo))) memberByCard.set(m.cardNo, m);
  // The tests set their own rules: 1 point a yuan, gold 1.5 points, the first product's category 2 points.
  await f.deps.db.delete(pointsRules).where(eq(pointsRules.chainId, f.chainId));
  const [product] = await f.deps.db.select({ categoryId: products.categoryId }).from(products).where(and(eq(products.chainId, f.chainId), eq(products.id, f.catalog[0]!.id)));
  const gold = memberByCard.get(demoCardNo(1))!.levelId;
  for (const rule of [
    { name: 'Base', memberLevelId: null, categoryId: null, rateBp: 10_000 },
    { name: 'Gold', memberLevelId: gold, categoryId: null, rateBp: 15_000 },
    { name: 'Category', memberLevelId: null, categoryId: product!.categoryId, rateBp: 20_000, validFrom: '2027-01-01' },
  ]) {
    expect((await send('POST', '/points/rules', { validFrom: null, validTo: null, ...rule }, hq)).status).toBe(201);
  }
  expect((await send('PUT', '/points/settings', { redeemPointsPerYuan: 100, expiry: { kind: 'end_of_year' } }, hq)).status).toBe(200);
});
afterAll(() => database.close());

describe('points rules and settings', () => {
  it('refuses bad rules and settings with the field named, and changes nothing', async () => {
    const before = await f.deps.db.$count(pointsRules, eq(pointsRules.chainId, f.chainId));
    const cases: [unknown, string][] = [
      [{ name: 'x', memberLevelId: null, categoryId: null, rateBp: 10_000, validFrom: '2026-02-01', validTo: '2026-01-01' }, 'validTo'],
      [{ name: 'x', memberLevelId: '0195505c-0000-7000-8000-0000000000aa', categoryId: null, rateBp: 10_000, validFrom: null, validTo: null }, 'memberLevelId'],
      [{ name: 'x', memberLevelId: null, categoryId: null, rateBp: -1, validFrom: null, validTo: null }, 'rateBp'],
    ];
    for (const [body, path] of cases) {
      const res = await send('POST', '/points/rules', body, hq);
      expect(res.status).toBe(400);
      expect(JSON.stringify(ErrorBody.parse(await res.json()).error.details)).toContain(path);
    }
    expect((await send('PUT', '/points/settings', { redeemPointsPerYuan: 100, expiry: { kind: 'after_months' } }, hq)).status).toBe(400);
    expect((await send('PUT', '/points/settings', { redeemPointsPerYuan: 0, expiry: { kind: 'none' } }, hq)).status).toBe(400);
    expect(await f.deps.db.$count(pointsRules, eq(pointsRules.chainId, f.chainId))).toBe(before);
    expect(PointsSettings.parse(await (await f.app.request('/points/settings', bearer(hq))).json())).toEqual({ redeemPointsPerYuan: 100, expiry: { kind: 'end_of_year' } });
  });

  it('lets HQ alone change them, audited; a franchisee is refused', async () => {
    expect((await send('PUT', '/points/settings', { redeemPointsPerYuan: 50, expiry: { kind: 'none' } }, east)).status).toBe(403);
    const made = await send('POST', '/points/rules', { name: 'Temp', memberLevelId: null, categoryId: null, rateBp: 5_000, validFrom: null, validTo: '2020-01-01' }, hq);
    const rule = PointsRule.parse(await made.json());
    const changed = await send('PUT', `/points/rules/${rule.id}`, { name: 'Temp 2', memberLevelId: null, categoryId: null, rateBp: 6_000, validFrom: null, validTo: '2020-01-01', active: false }, hq);
    expect(PointsRule.parse(await changed.json())).toMatchObject({ name: 'Temp 2', rateBp: 6_000, active: false });
    expect((await send('DELETE', `/points/rules/${rule.id}`, undefined, east)).status).toBe(403);
    expect((await f.app.request(`/points/rules/${rule.id}`, { ...bearer(hq), method: 'DELETE' })).status).toBe(204);
    expect((await f.app.request(`/points/rules/${rule.id}`, { ...bearer(hq), method: 'DELETE' })).status).toBe(404);
    const audit = await f.deps.db.select({ action: auditEntries.action }).from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, rule.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('brings tills the active rules after every change, so a receipt can name the points a sale earns', async () => {
    const pullFrom = async (cursor: number) => PullResponse.parse(await (await f.app.request(`/sync/pull?cursor=${cursor}&limit=500`, bearer(s001.deviceToken))).json());
    const rulesAfter = async (cursor: number) => {
      const page = await pullFrom(cursor);
      const earning = page.changes.filter((c) => c.entity === 'points_earning').at(-1);
      return { cursor: page.cursor, ids: earning?.entity === 'points_earning' ? earning.data.rules.map((r) => r.id).sort() : null };
    };
    const start = (await pullFrom(0)).headSeq;
    const active = (await f.deps.db.select({ id: pointsRules.id }).from(pointsRules).where(and(eq(pointsRules.chainId, f.chainId), eq(pointsRules.active, true)))).map((r) => r.id);
    const made = PointsRule.parse(await (await send('POST', '/points/rules', { name: 'Synced', memberLevelId: null, categoryId: null, rateBp: 7_000, validFrom: '2026-01-01', validTo: null }, hq)).json());
    const created = await rulesAfter(start);
    expect(created.ids).toEqual([...active, made.id].sort());
    expect((await f.app.request(`/points/rules/${made.id}`, { ...bearer(hq), method: 'DELETE' })).status).toBe(204);
    const deleted = await rulesAfter(created.cursor);
    expect(deleted.ids).toEqual([...active].sort());
    expect((await rulesAfter(deleted.cursor)).ids).toBeNull();
  });
});

describe('earning at ingest', () => {
  it('earns once for a member’s sale, at the member level’s rate, however often it is sent', async () => {
    const gold = await freshMember(demoCardNo(1));
    const sale = memberSale(s001, gold, 2, 33);
    expect(await push(s001, [sale])).toEqual(['accepted']);
    expect(await push(s001, [sale])).toEqual(['duplicate']);
    expect(await entriesOf(gold, 'earn')).toHaveLength(1);
    expect(await poolOf(gold)).toBe(99);
  });

  it('earns for an offline sale pushed days later, by the rules of its own business day', async () => {
    const basic = await freshMember(demoCardNo(3));
    const sale = memberSale(s001, basic, 1, 50, { at: new Date(f.deps.clock().getTime() - 3 * 86_400_000) });
    expect(await push(s001, [sale])).toEqual(['accepted']);
    const [earned] = await entriesOf(basic, 'earn');
    expect(earned).toMatchObject({ points: 50, saleId: sale.id, storeId: s001.store.id });
    const [lot] = await f.deps.db.select().from(pointsLots).where(and(eq(pointsLots.chainId, f.chainId), eq(pointsLots.id, earned!.id)));
    expect(lot!.earnedOn).toBe('2026-11-19');
  });

  it('multiplies by the promotion’s points multiplier that HQ’s pricing finds', async () => {
    const basic = await freshMember(demoCardNo(3));
    const promotion = await createPromotion(f, hq, ruleOf('points_multiplier', 'Triple points', { scope: { ...every, productIds: [f.catalog[0]!.id] }, multiplierBp: 30_000 }));
    try {
      expect(await push(s001, [memberSale(s001, basic, 1, 20)])).toEqual(['accepted']);
      expect(await poolOf(basic)).toBe(60);
    } finally {
      await f.app.request(`/promotions/${promotion.id}`, { ...bearer(hq), method: 'DELETE' });
    }
  });

  it('earns nothing on what points paid, and nothing for a sale without a member', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 100)])).toEqual(['accepted']);
    const paymentId = id();
    const sale = memberSale(s001, basic, 1, 80, { pointsPayment: { id: paymentId, amountMinor: 30 } });
    expect((await redeem(s001, { paymentId, saleId: sale.id, cardNo: basic.cardNo, points: 30 })).status).toBe(200);
    expect(await push(s001, [sale])).toEqual(['accepted']);
    expect((await entriesOf(basic, 'earn')).map((e) => e.points).sort((a, b) => a - b)).toEqual([79, 100]);
    const anonymous = makeSale(f, s001, '0012', { lines: 2 });
    expect(await push(s001, [anonymous])).toEqual(['accepted']);
    expect(await f.deps.db.$count(pointsEntries, and(eq(pointsEntries.chainId, f.chainId), eq(pointsEntries.saleId, anonymous.id)))).toBe(0);
  });
});

describe('redemption at the till', () => {
  it('debits once for a payment id sent three times, and answers what the points take off', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 10)])).toEqual(['accepted']);
    const body = { paymentId: id(), saleId: id(), cardNo: basic.cardNo, points: 7 };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(PointsRedemption.parse(await (await redeem(s001, body)).json()));
    expect(answers).toEqual(Array(3).fill({ paymentId: body.paymentId, points: 7, valueMinor: 7, balanceAfter: 3, reversed: false }));
    expect(await entriesOf(basic, 'redeem')).toHaveLength(1);
    expect(await poolOf(basic)).toBe(3);
    expect(await codeOf(await redeem(s001, { ...body, points: 8 }))).toBe('CONFLICT');
  });

  it('refuses more points than the pool holds, points that make no whole fen, and a card that is not active', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 10)])).toEqual(['accepted']);
    const refused = await redeem(s001, { paymentId: id(), saleId: id(), cardNo: basic.cardNo, points: 11 });
    expect(refused.status).toBe(409);
    expect(await codeOf(refused)).toBe('INSUFFICIENT_POINTS');
    await send('PUT', '/points/settings', { redeemPointsPerYuan: 150, expiry: { kind: 'end_of_year' } }, hq);
    expect((await redeem(s001, { paymentId: id(), saleId: id(), cardNo: basic.cardNo, points: 1 })).status).toBe(400);
    await send('PUT', '/points/settings', { redeemPointsPerYuan: 100, expiry: { kind: 'end_of_year' } }, hq);
    await f.deps.db.update(memberCards).set({ status: 'lost' }).where(and(eq(memberCards.chainId, f.chainId), eq(memberCards.cardNo, basic.cardNo)));
    const lost = await redeem(s001, { paymentId: id(), saleId: id(), cardNo: basic.cardNo, points: 1 });
    expect(ErrorBody.parse(await lost.json()).error).toMatchObject({ code: 'CARD_BLOCKED', details: { status: 'lost' } });
    expect((await f.app.request(`/points/balance?cardNo=${basic.cardNo}`, bearer(s001.deviceToken))).status).toBe(409);
    expect((await redeem(s001, { paymentId: id(), saleId: id(), cardNo: withCheckDigit('123456789'), points: 1 })).status).toBe(404);
    expect(await poolOf(basic)).toBe(10);
  });

  it('never takes a pool below zero when tills redeem from it at once', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 100)])).toEqual(['accepted']);
    const tries = Array.from({ length: 20 }, (_, i) => ({ paymentId: id(), saleId: id(), cardNo: basic.cardNo, points: 7 + (i % 5) }));
    const results = await Promise.all(tries.map(async (body, i) => ({ body, status: (await redeem(i % 2 ? s001 : s004, body)).status })));
    const accepted = results.filter((r) => r.status === 200);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const spent = accepted.reduce((sum, r) => sum + r.body.points, 0);
    expect(spent).toBeLessThanOrEqual(100);
    expect(await poolOf(basic)).toBe(100 - spent);
    expect((await entriesOf(basic, 'redeem')).map((e) => e.paymentId).sort()).toEqual(accepted.map((r) => r.body.paymentId).sort());
  });

  it('gives the points back for an abandoned sale once, and refuses once the sale is at HQ', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 100)])).toEqual(['accepted']);
    const paymentId = id();
    await redeem(s001, { paymentId, saleId: id(), cardNo: basic.cardNo, points: 40 });
    const reverse = (till: PairedDevice, payment = paymentId) => f.app.request(`/points/redemptions/${payment}/reversal`, { ...bearer(till.deviceToken), method: 'POST' });
    expect((await reverse(s004)).status).toBe(404);
    for (let i = 0; i < 2; i++) expect(PointsRedemption.parse(await (await reverse(s001)).json())).toMatchObject({ points: 40, reversed: true, balanceAfter: 100 });
    expect(await poolOf(basic)).toBe(100);
    const kept = id();
    const sale = memberSale(s001, basic, 1, 50, { pointsPayment: { id: kept, amountMinor: 20 } });
    await redeem(s001, { paymentId: kept, saleId: sale.id, cardNo: basic.cardNo, points: 20 });
    expect(await push(s001, [sale])).toEqual(['accepted']);
    expect(await codeOf(await reverse(s001, kept))).toBe('CONFLICT');
    expect(await poolOf(basic)).toBe(80 + 49);
  });

  it('answers a card’s balance and what it can take off', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 12)])).toEqual(['accepted']);
    const balance = PointsBalance.parse(await (await f.app.request(`/points/balance?cardNo=${basic.cardNo}`, bearer(s001.deviceToken))).json());
    expect(balance).toMatchObject({ memberId: basic.id, points: 12, valueMinor: 12, redeemPointsPerYuan: 100 });
  });
});

describe('returns', () => {
  it('takes back earned points in proportion to what comes back, exactly all when all comes back, once per return', async () => {
    const basic = await freshMember(demoCardNo(3));
    const sale = memberSale(s001, basic, 3, 33);
    expect(await push(s001, [sale])).toEqual(['accepted']);
    expect(await poolOf(basic)).toBe(99);
    const first = makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    expect(await push(s001, [first])).toEqual(['accepted']);
    expect(await push(s001, [first])).toEqual(['duplicate']);
    expect(await poolOf(basic)).toBe(66);
    const rest = makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 2 }], {
      history: { returnIds: [first.id], lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1, refundMinor: first.lines[0]!.refundMinor }], payments: first.refunds.map((r) => ({ salePaymentId: r.salePaymentId!, amountMinor: r.amountMinor })), owedMinor: first.lines[0]!.refundMinor, settledMinor: first.lines[0]!.refundMinor },
    });
    expect(await push(s001, [rest])).toEqual(['accepted']);
    expect(await poolOf(basic)).toBe(0);
    expect((await entriesOf(basic, 'earn_reversal')).map((e) => e.points).sort((a, b) => a - b)).toEqual([-66, -33]);
  });

  it('takes what there is when the points were spent, recording the shortfall, and gives back redeemed points', async () => {
    const basic = await freshMember(demoCardNo(3));
    const sale = memberSale(s001, basic, 1, 100);
    expect(await push(s001, [sale])).toEqual(['accepted']);
    const paymentId = id();
    const second = memberSale(s001, basic, 2, 30, { pointsPayment: { id: paymentId, amountMinor: 90 } });
    await redeem(s001, { paymentId, saleId: second.id, cardNo: basic.cardNo, points: 90 });
    expect(await push(s001, [second])).toEqual(['accepted']);
    expect(await poolOf(basic)).toBe(10 + 59);
    const back = makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    expect(await push(s001, [back])).toEqual(['accepted']);
    expect((await entriesOf(basic, 'earn_reversal')).find((e) => e.returnId === back.id)).toMatchObject({ points: -69, reason: 'shortfall: 100 points due back, the pool held 69' });
    expect(await poolOf(basic)).toBe(0);
    const refund = makeReturn(f, s001, '0012', second, [{ saleLineId: second.lines[0]!.id, quantity: 2 }]);
    expect(refund.refunds.find((r) => r.tender === 'points')?.amountMinor).toBe(90);
    expect(await push(s001, [refund])).toEqual(['accepted']);
    // The redeemed points come back first, so the second sale's earned points are taken back from them in full.
    expect((await entriesOf(basic, 'redeem_refund')).map((e) => e.points)).toEqual([90]);
    expect((await entriesOf(basic, 'earn_reversal')).find((e) => e.returnId === refund.id)).toMatchObject({ points: -59, reason: null });
    expect(await poolOf(basic)).toBe(31);
  });
});

describe('expiry', () => {
  it('lets points of past years lapse once, however often and however many times at once it runs', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 70, { at: new Date('2026-01-15T04:00:00Z') })])).toEqual(['accepted']);
    expect(await push(s001, [memberSale(s001, basic, 1, 30)])).toEqual(['accepted']);
    expect(await poolOf(basic)).toBe(100);
    const newYear = new Date('2027-01-01T02:00:00Z');
    const runs = await Promise.all([expirePoints(f.deps.db, f.chainId, newYear), expirePoints(f.deps.db, f.chainId, newYear)]);
    const again = await expirePoints(f.deps.db, f.chainId, newYear);
    expect(runs.reduce((sum, r) => sum + r.points, 0)).toBeGreaterThanOrEqual(100);
    expect(again).toEqual({ asOf: '2027-01-01', pools: 0, points: 0 });
    expect(await entriesOf(basic, 'expire')).toEqual([expect.objectContaining({ points: -100 })]);
    expect(await poolOf(basic)).toBe(0);
  });
});

describe('the office’s view of a member’s points', () => {
  it('shows the pool, its entries and what lapses when; a franchisee sees only entries of their stores', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 10)])).toEqual(['accepted']);
    expect(await push(s004, [memberSale(s004, basic, 1, 20)])).toEqual(['accepted']);
    const seen = MemberPoints.parse(await (await f.app.request(`/members/${basic.id}/points`, bearer(hq))).json());
    expect(seen).toMatchObject({ points: 30, entries: { total: 2 }, expiring: [{ expiresOn: '2027-01-01', points: 30 }] });
    const byEast = MemberPoints.parse(await (await f.app.request(`/members/${basic.id}/points`, bearer(east))).json());
    expect(byEast).toMatchObject({ points: 30, entries: { total: 1 } });
    expect(byEast.entries.items.map((e) => e.storeId)).toEqual([s004.store.id]);
    expect((await f.app.request(`/members/${id()}/points`, bearer(hq))).status).toBe(404);
  });

  it('exchanges points for a gift from the office, audited, never below zero', async () => {
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 10)])).toEqual(['accepted']);
    expect(await codeOf(await send('POST', '/points/gift-redemptions', { memberId: basic.id, points: 11, giftName: '保温杯' }, hq))).toBe('INSUFFICIENT_POINTS');
    expect((await send('POST', '/points/gift-redemptions', { memberId: basic.id, points: 10, giftName: '保温杯' }, east)).status).toBe(403);
    const made = await send('POST', '/points/gift-redemptions', { memberId: basic.id, points: 10, giftName: '保温杯' }, hq);
    expect(made.status).toBe(201);
    expect(await poolOf(basic)).toBe(0);
    expect(await f.deps.db.$count(auditEntries, and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entity, 'points_gift_redemption')))).toBe(1);
  });
});

describe('transfers between pools', () => {
  it('moves every point with the day it was earned, once, and nothing from an empty pool', async () => {
    const from = await freshMember(demoCardNo(3));
    const to = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, from, 1, 40, { at: new Date('2026-02-01T04:00:00Z') }), memberSale(s001, from, 1, 25)])).toEqual(['accepted', 'accepted']);
    const moved = await f.deps.db.transaction((tx) => transferPoints(tx, f.chainId, from.accountId, to.accountId, { reason: 'merged' }, f.deps.clock()));
    expect(moved.points).toBe(65);
    expect([await poolOf(from), await poolOf(to)]).toEqual([0, 65]);
    const lots = await f.deps.db.select({ earnedOn: pointsLots.earnedOn, remaining: pointsLots.remaining }).from(pointsLots).where(and(eq(pointsLots.chainId, f.chainId), eq(pointsLots.accountId, to.accountId)));
    expect(lots.sort((a, b) => a.earnedOn.localeCompare(b.earnedOn))).toEqual([{ earnedOn: '2026-02-01', remaining: 40 }, { earnedOn: '2026-11-22', remaining: 25 }]);
    expect(await f.deps.db.transaction((tx) => transferPoints(tx, f.chainId, from.accountId, to.accountId, {}, f.deps.clock()))).toEqual({ points: 0, outEntryId: null, inEntryId: null });
    expect(await verifyPointsPools(f.deps.db)).toEqual([]);
  });
});

describe('the ledger check', () => {
  it('finds every pool equal to its entries and its lots, and reports a pool that is not', async () => {
    expect(await verifyPointsPools(f.deps.db)).toEqual([]);
    const basic = await freshMember(demoCardNo(3));
    expect(await push(s001, [memberSale(s001, basic, 1, 10)])).toEqual(['accepted']);
    await f.deps.db.update(memberAccounts).set({ points: 12 }).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, basic.accountId)));
    const found = await verifyPointsPools(f.deps.db);
    expect(found).toEqual([
      { chainId: f.chainId, accountId: basic.accountId, problem: 'balance', expected: 10, actual: 12, what: 'points balance differs from the sum of its entries' },
      { chainId: f.chainId, accountId: basic.accountId, problem: 'lots', expected: 10, actual: 12, what: 'points lots held differ from the points balance' },
    ]);
    await f.deps.db.update(memberAccounts).set({ points: 10 }).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, basic.accountId)));
  });
});
