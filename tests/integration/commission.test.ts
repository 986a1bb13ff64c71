import { randomBytes } from 'node:crypto';
import { commissionDuty, commissionResults, commissionStorePeriods, counters } from '@pos/hq-server/commission/commission.tables';
import { products } from '@pos/hq-server/catalog/catalog.tables';
import { workOpenPeriodsOfAllChains, type OpenPeriodRun } from '@pos/hq-server/commission/commission-schedule';
import { clerks } from '@pos/hq-server/org/org.tables';
import { ClerkStatement, MyMonth, PushResponse, uuidv7, type PairedDevice, type Sale } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saleWithClerks, type CreditedLine } from '../support/commission-sales';
import { createSeededFixture, DEMO_PIN, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let s001: PairedDevice;
let X: string;
let Y: string;
let hq: string;
let counterId: string;

const id = () => uuidv7(f.deps.clock().getTime(), randomBytes(10));

async function push(documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, s001.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results.map((r) => r.status);
}

const saleOf = (at: string, lines: CreditedLine[]) => saleWithClerks(f, s001, at, lines);

/** Works the period out again at S001 through the API. */
async function work(period: string): Promise<{ worked: number; unchanged: number }> {
  const res = await f.app.request(`/commission/periods/${period}/work?storeId=${f.storeIds.S001}`, { method: 'POST', headers: { authorization: `Bearer ${hq}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { worked: number; unchanged: number };
}

async function close(period: string): Promise<Response> {
  return f.app.request(`/commission/periods/${period}/close`, json({ storeIds: [f.storeIds.S001] }, hq));
}

/** The store's figures for a period, as `beneficiary kind origin → amount`. */
async function figures(periodKey: string): Promise<Record<string, number>> {
  const rows = await f.deps.db.select().from(commissionResults).where(and(eq(commissionResults.chainId, f.chainId), eq(commissionResults.periodKey, periodKey)));
  const name = (beneficiaryId: string) => (beneficiaryId === X ? 'X' : beneficiaryId === Y ? 'Y' : beneficiaryId === counterId ? 'K' : beneficiaryId);
  return Object.fromEntries(rows.map((r) => [`${name(r.beneficiaryId)} ${r.kind}${r.originPeriod ? ` ${r.originPeriod}` : ''}`, r.amountMinor]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

let sold: Sale;
let pooledIndex: number;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  s001 = await pairTill(f, 'S001');
  hq = await signInOffice(f, 'hq@demo.pos');
  [X, Y] = [f.clerkIds['0012']!, f.clerkIds['0013']!];
  const categoryOf = new Map((await f.deps.db.select({ id: products.id, categoryId: products.categoryId }).from(products).where(eq(products.chainId, f.chainId))).map((p) => [p.id, p.categoryId]));
  pooledIndex = f.catalog.findIndex((p) => categoryOf.get(p.id) !== categoryOf.get(f.catalog[0]!.id));
  const pooledProduct = { categoryId: categoryOf.get(f.catalog[pooledIndex]!.id)! };

  // The demo plan closed October: it ends there, and this one takes over in November.
  const [demo] = ((await (await f.app.request('/commission/plans', { headers: { authorization: `Bearer ${hq}` } })).json()) as { items: (Record<string, unknown> & { id: string })[] }).items;
  const { id: demoId, ...demoPlan } = demo!;
  const ended = await f.app.request(`/commission/plans/${demoId}`, { ...json({ ...demoPlan, validTo: '2026-10-31', rules: (demoPlan.rules as { id: string }[]).map(({ id: _id, ...r }) => r) }, hq), method: 'PUT' });
  expect(ended.status).toBe(200);
  const moved = await f.app.request(`/commission/plans/${demoId}`, { ...json({ ...demoPlan, validTo: '2026-10-30', rules: (demoPlan.rules as { id: string }[]).map(({ id: _id, ...r }) => r) }, hq), method: 'PUT' });
  expect(moved.status).toBe(409);
  const created = await f.app.request('/commission/plans', json({
    name: '2026 plan', validFrom: '2026-11-01', validTo: null, exclusions: { gifts: true, discounted: false, staffTags: [] }, poolShare: 'hours', gradeWeights: {},
    rules: [
      { productId: null, categoryId: null, brandId: null, supplierId: null, grade: null, mode: 'personal', rate: { kind: 'percent', basis: 'net', bp: 300 } },
      { productId: null, categoryId: pooledProduct.categoryId, brandId: null, supplierId: null, grade: null, mode: 'pooled', rate: { kind: 'percent', basis: 'net', bp: 200 } },
    ],
  }, hq));
  expect(created.status).toBe(201);
  counterId = id();
  await f.deps.db.insert(counters).values({ chainId: f.chainId, id: counterId, storeId: f.storeIds.S001!, code: 'K1', name: '饮品柜', categoryIds: [pooledProduct.categoryId] });
  await f.deps.db.insert(commissionDuty).values([
    { chainId: f.chainId, storeId: f.storeIds.S001!, poolId: counterId, clerkId: X, date: '2026-11-10', minutes: 480 },
    { chainId: f.chainId, storeId: f.storeIds.S001!, poolId: counterId, clerkId: Y, date: '2026-11-10', minutes: 240 },
  ]);
  // 10 November, 11:00 in Shanghai: a line shared 60/40 and a line of the counter's category that X sold.
  sold = saleOf('2026-11-10T03:00:00.000Z', [
    { product: 0, units: 3, unitMinor: 3333, shares: [[X, 6000], [Y, 4000]] },
    { product: pooledIndex, units: 2, unitMinor: 5000, shares: [[X, 10_000]] },
  ]);
  expect(await push([sold])).toEqual(['accepted']);
});

afterAll(() => database.close());

describe('commission worked out at HQ from the sales ledger', () => {
  it('pays a shared line by its shares and a pooled line to the counter, divided by the hours on duty; again, it works nothing', async () => {
    expect(await work('2026-11')).toEqual({ worked: 1, unchanged: 0 });
    // ¥99.99 at 3%: X 59.99 → 1.80, Y 40.00 → 1.20. The counter: 2% of ¥100.00 = ¥2.00, 8 h and 4 h → 1.33 and 0.67.
    expect(await figures('2026-11')).toEqual({ 'K pool_total': 200, 'X pool_share': 133, 'X sales': 180, 'Y pool_share': 67, 'Y sales': 120 });
    expect(await work('2026-11')).toEqual({ worked: 0, unchanged: 1 });

    // A chain-wide input changing (a clerk's grade, read once a run for every store) works the store again; changed back, again.
    const [before] = await f.deps.db.select({ grade: clerks.commissionGrade }).from(clerks).where(eq(clerks.id, X));
    await f.deps.db.update(clerks).set({ commissionGrade: 'regraded' }).where(eq(clerks.id, X));
    expect(await work('2026-11')).toEqual({ worked: 1, unchanged: 0 });
    await f.deps.db.update(clerks).set({ commissionGrade: before!.grade }).where(eq(clerks.id, X));
    expect(await work('2026-11')).toEqual({ worked: 1, unchanged: 0 });
    expect(await work('2026-11')).toEqual({ worked: 0, unchanged: 1 });
    expect(await figures('2026-11')).toEqual({ 'K pool_total': 200, 'X pool_share': 133, 'X sales': 180, 'Y pool_share': 67, 'Y sales': 120 });
  });

  it('refuses to close a month that has not ended', async () => {
    const refused = await close('2026-11');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('PERIOD_NOT_ENDED');
  });

  it('closes November; a December return takes back in December, a late November sale lands in December; November stays as closed', async () => {
    f.clock.set('2026-12-02T02:00:00.000Z');
    hq = await signInOffice(f, 'hq@demo.pos');
    const closed = await close('2026-11');
    expect(await closed.json()).toEqual({ closed: 1 });
    const closedNovember = await figures('2026-11');
    f.clock.advance(60_000);

    const back = makeReturn(f, s001, '0012', sold, [{ saleLineId: sold.lines[0]!.id, quantity: 1 }]);
    const late = saleOf('2026-11-25T03:00:00.000Z', [{ product: 0, units: 1, unitMinor: 10_000, shares: [[Y, 10_000]] }]);
    expect(await push([back, late])).toEqual(['accepted', 'accepted']);

    expect(await work('2026-11')).toEqual({ worked: 0, unchanged: 1 });
    expect(await figures('2026-11')).toEqual(closedNovember);
    expect(await work('2026-12')).toEqual({ worked: 1, unchanged: 0 });
    // One unit of three back: X gives back 1.80 / 3 = 0.60, Y 1.20 / 3 = 0.40. The late ¥100.00 pays Y 3% in December, marked as November's.
    const december = await figures('2026-12');
    expect(december).toEqual({ 'X clawback': -60, 'Y clawback': -40, 'Y late_sale 2026-11': 300 });

    await f.deps.db.update(commissionStorePeriods).set({ fingerprint: 'stale' }).where(eq(commissionStorePeriods.periodKey, '2026-12'));
    expect(await work('2026-12')).toEqual({ worked: 1, unchanged: 0 });
    expect(await figures('2026-12')).toEqual(december);
  });

  it('gives each clerk a statement that names the rule behind every line, the closed month as it closed', async () => {
    const statementOf = async (period: string, clerkId: string) => {
      const res = await f.app.request(`/commission/periods/${period}/clerks/${clerkId}`, { headers: { authorization: `Bearer ${hq}` } });
      expect(res.status).toBe(200);
      return ClerkStatement.parse(await res.json());
    };
    const november = await statementOf('2026-11', X);
    expect(november.status).toBe('closed');
    expect(november.lines.map((l) => [l.paidTo, l.shareBp, l.netMinor, l.amountMinor, l.receiptNo === sold.receiptNo])).toEqual([
      ['clerk', 6000, 5999, 180, true], ['pool', 10_000, 10_000, 200, true],
    ]);
    expect(november.lines[0]!.why).toMatchObject({ ruleNo: 1, matchedOn: [], rate: { kind: 'percent', bp: 300 } });
    expect(november.lines[1]!.why).toMatchObject({ ruleNo: 2, matchedOn: ['category'] });
    expect(november.poolShares).toEqual([{ poolId: counterId, date: '2026-11-10', poolAmountMinor: 200, weight: 480, amountMinor: 133 }]);
    expect(november.figures).toMatchObject({ personalMinor: 180, poolShareMinor: 133, totalMinor: 313 });

    const december = await statementOf('2026-12', Y);
    expect(december.status).toBe('open');
    expect(december.late.map((l) => [l.originPeriod, l.amountMinor])).toEqual([['2026-11', 300]]);
    expect(december.clawbacks.map((c) => [c.saleLineId, c.amountMinor, c.returnNo !== ''])).toEqual([[sold.lines[0]!.id, -40, true]]);
    expect(december.figures).toMatchObject({ clawbackMinor: -40, lateMinor: 300, totalMinor: 260 });
    expect(december.compare.previous).toMatchObject({ key: '2026-11', totalMinor: 187 });

    const put = (path: string, body: unknown) => f.app.request(path, { ...json(body, hq), method: 'PUT' });
    const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    expect(await code(await put('/commission/targets', { period: '2026-11', storeId: f.storeIds.S001, targets: [{ kind: 'clerk', subjectId: X, amountMinor: 100_000 }] }))).toBe('PERIOD_CLOSED');
    expect(await code(await put('/commission/targets', { period: '2026-12', storeId: f.storeIds.S001, targets: [{ kind: 'clerk', subjectId: f.clerkIds['0042']!, amountMinor: 100_000 }] }))).toBe('VALIDATION_FAILED');
    expect((await put('/commission/targets', { period: '2026-12', storeId: f.storeIds.S001, targets: [{ kind: 'clerk', subjectId: X, amountMinor: 500_000 }, { kind: 'pool', subjectId: counterId, amountMinor: 900_000 }] })).status).toBe(200);
    const targets = await f.app.request(`/commission/targets?period=2026-12&storeId=${f.storeIds.S001}`, { headers: { authorization: `Bearer ${hq}` } });
    expect(((await targets.json()) as { targets: unknown[] }).targets).toHaveLength(2);
    expect(await code(await put('/commission/duty', { storeId: f.storeIds.S001, date: '2026-11-30', entries: [{ poolId: counterId, clerkId: X, minutes: 60 }] }))).toBe('PERIOD_CLOSED');
    expect((await put('/commission/duty', { storeId: f.storeIds.S001, date: '2026-12-02', entries: [{ poolId: counterId, clerkId: X, minutes: 300 }, { poolId: f.storeIds.S001!, clerkId: Y, minutes: 240 }] })).status).toBe(200);
    const duty = await f.app.request(`/commission/duty?storeId=${f.storeIds.S001}&date=2026-12-02`, { headers: { authorization: `Bearer ${hq}` } });
    expect(((await duty.json()) as { entries: unknown[] }).entries).toHaveLength(2);

    // Counters (柜组) of a store, by code; a franchisee cannot touch another's store.
    const categoryId = (await f.deps.db.select({ categoryId: products.categoryId }).from(products).where(eq(products.id, f.catalog[0]!.id)))[0]!.categoryId!;
    const counter = { storeId: f.storeIds.S001, code: 'K9', name: '化妆品柜', categoryIds: [categoryId], active: true };
    const made = await f.app.request('/commission/counters', json(counter, hq));
    expect(made.status).toBe(201);
    expect((await f.app.request('/commission/counters', json(counter, hq))).status).toBe(409);
    expect((await f.app.request('/commission/counters', json({ ...counter, code: 'K8' }, await signInOffice(f, 'west@demo.pos')))).status).toBe(404);
    expect(await code(await f.app.request('/commission/counters', json({ ...counter, code: 'K7', categoryIds: [f.storeIds.S001] }, hq)))).toBe('VALIDATION_FAILED');
    const { id: madeId } = (await made.json()) as { id: string };
    expect((await put(`/commission/counters/${madeId}`, { ...counter, name: '美妆柜', active: false })).status).toBe(200);
    const listed = (await (await f.app.request(`/commission/counters?storeId=${f.storeIds.S001}`, { headers: { authorization: `Bearer ${hq}` } })).json()) as { items: { code: string; name: string; active: boolean }[] };
    expect(listed.items.find((c) => c.code === 'K9')).toMatchObject({ name: '美妆柜', active: false });

    // HQ gives X ¥5.00 for November, into December with the reason; November stays as it closed.
    const adjust = (body: Record<string, unknown>) => f.app.request('/commission/adjustments', json({ period: '2026-12', originPeriod: '2026-11', storeId: f.storeIds.S001, beneficiary: { kind: 'clerk', id: X }, amountMinor: 500, reason: '漏记 missed line', ...body }, hq));
    expect(await code(await adjust({ originPeriod: '2026-09' }))).toBe('VALIDATION_FAILED');
    expect(await code(await adjust({ period: '2026-11', originPeriod: '2026-10' }))).toBe('PERIOD_CLOSED');
    expect(await code(await adjust({ beneficiary: { kind: 'clerk', id: f.clerkIds['0042'] } }))).toBe('VALIDATION_FAILED');
    expect((await adjust({})).status).toBe(201);
    expect(await work('2026-12')).toEqual({ worked: 1, unchanged: 0 });
    expect((await statementOf('2026-12', X)).adjustments.map((a) => [a.amountMinor, a.originPeriod, a.reason])).toEqual([[500, '2026-11', '漏记 missed line']]);
    expect((await figures('2026-12'))['X adjustment 2026-11']).toBe(500);

    // At the till, a clerk signed in sees their own month and nobody else's.
    const session = await f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0013', pin: DEMO_PIN }, s001.deviceToken));
    const { token } = (await session.json()) as { token: string };
    const mine = await f.app.request('/commission/my-month', json({ clerkToken: token }, s001.deviceToken));
    expect(MyMonth.parse(await mine.json())).toMatchObject({ period: { key: '2026-12' }, clerk: { code: '0013' }, figures: { clawbackMinor: -40, lateMinor: 300, totalMinor: 260 }, previous: { key: '2026-11', totalMinor: 187 } });
    expect((await f.app.request('/commission/my-month', json({ clerkToken: 'cks.nobody' }, s001.deviceToken))).status).toBe(401);
    expect((await f.app.request('/commission/my-month', json({ clerkToken: token }, (await pairTill(f, 'S004')).deviceToken))).status).toBe(401);

    const elsewhere = await f.app.request(`/commission/periods/2026-12/clerks/${X}`, { headers: { authorization: `Bearer ${await signInOffice(f, 'west@demo.pos')}` } });
    expect(elsewhere.status).toBe(404);
  });

  it("works every store's open periods on the hour: the one today falls in, and the one before until it closes", async () => {
    const ofChain = (runs: OpenPeriodRun[]) => runs.filter((r) => r.chainId === f.chainId).map(({ period, worked, unchanged }) => ({ period, worked, unchanged }));
    const storeCount = Object.keys(f.storeIds).length;
    const first = ofChain(await workOpenPeriodsOfAllChains(f.deps));
    expect(first.map((r) => [r.period, r.worked + r.unchanged])).toEqual([['2026-11', storeCount], ['2026-12', storeCount]]);
    expect(ofChain(await workOpenPeriodsOfAllChains(f.deps))).toEqual([{ period: '2026-11', worked: 0, unchanged: storeCount }, { period: '2026-12', worked: 0, unchanged: storeCount }]);

    // A December sale at S001 makes its December stale: the next run works S001's December and nothing else; November stays as it closed.
    const closedNovember = await figures('2026-11');
    const before = await figures('2026-12');
    expect(await push([saleOf('2026-12-02T03:00:00.000Z', [{ product: 0, units: 1, unitMinor: 2000, shares: [[X, 10_000]] }])])).toEqual(['accepted']);
    expect(ofChain(await workOpenPeriodsOfAllChains(f.deps))).toEqual([{ period: '2026-11', worked: 0, unchanged: storeCount }, { period: '2026-12', worked: 1, unchanged: storeCount - 1 }]);
    expect((await figures('2026-12'))['X sales']).toBe((before['X sales'] ?? 0) + 60);
    expect(await figures('2026-11')).toEqual(closedNovember);
  });
});

