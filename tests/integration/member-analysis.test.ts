import { AnalysedMemberList, CAMPAIGN_TEXT_MAX, MemberAnalysis, MemberCampaignResult, PushResponse, StoredValueFloat, TopUpResult, uuidv7, type PairedDevice, type Sale } from '@pos/shared';
import { memberMessages } from '@pos/hq-server/member-messages/member-messages.tables';
import { loadMemberMessageSettings } from '@pos/hq-server/member-messages/message-settings.service';
import { memberAccounts } from '@pos/hq-server/members/membership.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { reportOutputs } from '@pos/hq-server/roles/roles.tables';
import { stores, users } from '@pos/hq-server/org/org.tables';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saleWithClerks } from '../support/commission-sales';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import { addMember, spend, topUp } from '../support/stored-value';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
const tills: Record<string, PairedDevice> = {};
/** Seven members: m[1] … m[7]; m[0] unused, so the numbers read as in the comments. */
const m: { id: string; cardNo: string }[] = [];
const period = 'from=2026-11-01&to=2026-11-22';
let levelId: string;

/** A member's cash sale at a store on a day (noon in Shanghai), of lines at these prices. */
function sale(member: number, store: string, day: string, prices: number[]): Sale {
  const till = tills[store]!;
  const made = saleWithClerks(f, till, `${day}T12:00:00+08:00`, prices.map((unitMinor, i) => ({ product: i + 1, units: 1, unitMinor, shares: [] })));
  return { ...made, cashierId: f.clerkIds[`${store.slice(1)}2`]!, pricing: { channel: 'retail', member: { id: m[member]!.id, levelId: levelId, birthday: null }, vouchers: [], manualDiscounts: [] } } as Sale;
}

async function push(till: PairedDevice, documents: unknown[]) {
  const pushed = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents }, till.deviceToken))).json());
  expect(pushed.results.map((r) => r.status)).toEqual(documents.map(() => 'accepted'));
}

async function read<T>(token: string, path: string, schema: { parse: (v: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, bearer(token));
  expect(res.status, await res.clone().text()).toBe(200);
  return schema.parse(await res.json());
}
const analysis = (token: string, query = '') => read(token, `/reports/member-analysis?${period}${query}`, MemberAnalysis);
const listed = (token: string, query = '') => read(token, `/reports/member-analysis/members?${period}${query}`, AnalysedMemberList);
const byId = () => new Map([1, 2, 3, 4, 5, 6, 7].map((i) => [m[i]!.id, i]));

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  [hq, east, west] = await Promise.all(['hq@demo.pos', 'east@demo.pos', 'west@demo.pos'].map((email) => signInOffice(f, email))) as [string, string, string];
  for (const store of ['S001', 'S004', 'S006']) tills[store] = await pairTill(f, store);
  for (let i = 1; i <= 7; i++) m[i] = await addMember(f);
  levelId = (await f.deps.db.select({ levelId: members.levelId }).from(members).where(eq(members.id, m[1]!.id)))[0]!.levelId;
  await f.deps.db.update(members).set({ phone: '13900001234', consentToMessages: true }).where(and(eq(members.chainId, f.chainId), eq(members.id, m[1]!.id)));

  const returned = sale(2, 'S004', '2026-11-12', [20_000, 5_000]);
  await push(tills.S001!, [sale(1, 'S001', '2026-03-15', [5_000]), sale(1, 'S001', '2026-11-03', [30_000]), sale(4, 'S001', '2026-11-20', [10_000]), sale(6, 'S001', '2026-04-01', [4_000])]);
  await push(tills.S004!, [sale(1, 'S004', '2026-11-10', [20_000]), returned, sale(5, 'S004', '2026-07-01', [6_000])]);
  await push(tills.S006!, [sale(3, 'S006', '2025-12-01', [8_000]), sale(3, 'S006', '2026-11-05', [15_000]), sale(7, 'S006', '2026-11-18', [500])]);
  f.clock.set('2026-11-15T04:00:00Z');
  await push(tills.S004!, [makeReturn(f, tills.S004!, '0042', returned, [{ saleLineId: returned.lines[1]!.id, quantity: 1 }])]);
  f.clock.set('2026-11-22T04:00:00Z');
});
afterAll(() => database.close());

describe('member analysis (会员分析)', () => {
  it('classes the chain’s members by spend, net of returns, with hand-worked figures', async () => {
    const report = await analysis(hq);
    // Spend in November: m1 300 + 200, m2 250 − 50 back, m3 150, m4 100, m7 5 = 955.00. Before each: m1 0%, m2 52.4%, m3 73.3% (A);
    // m4 89.0% (B); m7 99.5% (C). m5 and m6 bought only before November.
    expect(report.classes).toEqual([
      { valueClass: 'A', members: 3, tickets: 4, spendMinor: 85_000, spendShareBp: 8_901, memberShareBp: 6_000 },
      { valueClass: 'B', members: 1, tickets: 1, spendMinor: 10_000, spendShareBp: 1_047, memberShareBp: 2_000 },
      { valueClass: 'C', members: 1, tickets: 1, spendMinor: 500, spendShareBp: 52, memberShareBp: 2_000 },
    ]);
    expect(report.classified).toEqual({ members: 5, tickets: 6, spendMinor: 95_500 });
    expect(report.wholeChain).toBe(true);
  });

  it('scores RFM over the members who bought in the period and places every member in a lifecycle state', async () => {
    const report = await analysis(hq);
    const ones = [1, 2, 3, 4, 5].map((score) => ({ score, members: 1 }));
    // Five buyers with five different last days and spends; four have one ticket (1), m1 two (5).
    expect(report.rfm).toEqual({ members: 5, recency: ones, monetary: ones, frequency: [{ score: 1, members: 4 }, { score: 2, members: 0 }, { score: 3, members: 0 }, { score: 4, members: 0 }, { score: 5, members: 1 }] });
    const active = await database.db.$count(members, and(eq(members.chainId, f.chainId), eq(members.active, true)));
    // On 22 November: m2, m4, m7 first bought within 30 days; m1 and m3 before; m5 last bought 1 July (four months), m6 1 April (seven).
    expect(report.lifecycle).toEqual([
      { state: 'new', members: 3 }, { state: 'active', members: 2 }, { state: 'lapsing', members: 1 }, { state: 'lost', members: 1 }, { state: 'never', members: active - 7 },
    ]);
    expect(report.members).toBe(active);
  });

  it('shows a franchisee the members who bought in their stores, by what they bought there', async () => {
    const mine = await analysis(east);
    // At S004: m1 200.00 and m2 200.00 (after the return), both first buying there in November; m5 in July.
    expect(mine).toMatchObject({ wholeChain: false, members: 3, classified: { members: 2, tickets: 2, spendMinor: 40_000 } });
    expect(mine.classes.map((c) => [c.valueClass, c.members, c.spendMinor])).toEqual([['A', 2, 40_000], ['B', 0, 0], ['C', 0, 0]]);
    expect(mine.lifecycle.filter((s) => s.members > 0)).toEqual([{ state: 'new', members: 2 }, { state: 'lapsing', members: 1 }]);
    expect(await analysis(hq, `&franchiseeId=${(await franchiseeOf('S004'))}`)).toEqual(mine);

    const theirs = await listed(west, '&limit=100');
    expect(theirs.items.map((i) => byId().get(i.memberId))).toEqual([3, 7]);
    expect(theirs.items.map((i) => i.valueClass)).toEqual(['A', 'C']);
    const res = await f.app.request(`/reports/member-analysis?${period}&storeId=${f.storeIds.S001}`, bearer(east));
    expect(res.status).toBe(404);
  });

  it('lists the members a filter keeps, a page at a time, with the phone masked, and its parts add up', async () => {
    const a = await listed(hq, '&valueClass=A');
    expect(a.total).toBe(3);
    expect(a.items.map((i) => byId().get(i.memberId))).toEqual([1, 2, 3]);
    expect(a.items[0]).toMatchObject({ phoneMasked: '139****1234', consentToMessages: true, spendMinor: 50_000, tickets: 2, firstPurchase: '2026-03-15', lastPurchase: '2026-11-10', lifecycle: 'active', rfm: { recency: 2, frequency: 5, monetary: 5 } });
    expect(JSON.stringify(a)).not.toContain('13900001234');
    const page = await listed(hq, '&valueClass=A,B,C&sort=lastPurchase&order=asc&limit=2&offset=1');
    expect([page.total, page.items.map((i) => byId().get(i.memberId))]).toEqual([5, [1, 2]]);
    expect((await listed(hq, '&lifecycle=lapsing,lost')).items.map((i) => byId().get(i.memberId)).sort()).toEqual([5, 6]);
    expect((await listed(hq, '&recency=5')).items.map((i) => byId().get(i.memberId))).toEqual([4]);

    const report = await analysis(hq);
    const classed = (await listed(hq, '&valueClass=A,B,C&limit=100')).items;
    for (const c of report.classes) {
      const inClass = classed.filter((i) => i.valueClass === c.valueClass);
      expect([inClass.length, inClass.reduce((n, i) => n + i.spendMinor, 0)]).toEqual([c.members, c.spendMinor]);
    }
    expect(report.classes.reduce((n, c) => n + c.spendShareBp, 0)).toBe(10_000);
    expect((await listed(hq, '&lifecycle=never')).total).toBe(report.lifecycle.find((s) => s.state === 'never')!.members);
  });

  it('takes other thresholds and refuses ones that do not make sense', async () => {
    const strict = await analysis(hq, '&classAUpToBp=5000&classBUpToBp=9000&newDays=10&lapsingMonths=4&lostMonths=8');
    // A ends at 50%: m1 (from 0%) only; m2 from 52.4% and m3 from 73.3% are B, m4 from 89.0% too; m7 C. m2 (10 days before) is no longer new; m5 (4 months) still lapsing, m6 (7) too.
    expect(strict.classes.map((c) => c.members)).toEqual([1, 3, 1]);
    expect(strict.lifecycle.slice(0, 4).map((s) => s.members)).toEqual([2, 3, 2, 0]);
    for (const bad of ['&classAUpToBp=9600', '&lapsingMonths=6&lostMonths=6', '&newDays=0']) {
      expect((await f.app.request(`/reports/member-analysis?${period}${bad}`, bearer(hq))).status).toBe(400);
    }
  });

  it('exports the filtered list under the role’s output rule, counted, phones masked', async () => {
    const res = await f.app.request('/reports/member-analysis/export', json({ query: { from: '2026-11-01', to: '2026-11-22', valueClass: 'A' }, format: 'csv', language: 'en' }, hq));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Consented to messages');
    expect(lines[1]).toContain('139****1234');
    expect(lines[1]).toContain('500.00');
    expect(await database.db.$count(reportOutputs, and(eq(reportOutputs.chainId, f.chainId), eq(reportOutputs.report, 'member_analysis')))).toBe(1);
  });
});

async function franchiseeOf(storeCode: string): Promise<string> {
  const [store] = await database.db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(eq(stores.id, f.storeIds[storeCode]!));
  return store!.franchiseeId!;
}

describe('stored value owed (储值余额)', () => {
  it('gives what is owed by franchisee, the parts adding up to every account’s balance', async () => {
    const floatOf = (token: string) => read(token, '/reports/stored-value-float', StoredValueFloat);
    const [eastId, westId] = [await franchiseeOf('S004'), await franchiseeOf('S006')];
    const partOf = (float: StoredValueFloat, id: string | null) => float.parts.find((p) => p.franchiseeId === id)!;
    const before = await floatOf(hq);
    // 300.00 topped up at S004 (East's), 100.00 of it spent at S006 (West's).
    const topped = TopUpResult.parse(await (await topUp(f, tills.S004!.deviceToken, { cardNo: m[1]!.cardNo, amountMinor: 30_000 })).json());
    expect((await spend(f, tills.S006!.deviceToken, { cardNo: m[1]!.cardNo, amountMinor: 10_000 })).status).toBe(200);
    const float = await floatOf(hq);

    const [{ owed }] = await database.db.select({ owed: sql<string>`coalesce(sum(${memberAccounts.balanceMinor}), 0)::text` }).from(memberAccounts).where(eq(memberAccounts.chainId, f.chainId)) as [{ owed: string }];
    expect(float.total.balanceMinor).toBe(Number(owed));
    expect(float.total.balanceMinor - before.total.balanceMinor).toBe(20_000 + topped.slip.bonusMinor);
    for (const key of ['balanceMinor', 'bonusMinor', 'ownMinor'] as const) expect(float.parts.reduce((n, p) => n + p[key], 0)).toBe(float.total[key]);
    expect(float.parts.map((p) => p.franchiseeId)).toEqual([null, ...float.parts.slice(1).map((p) => p.franchiseeId)]);
    expect(partOf(float, eastId).ownMinor - partOf(before, eastId).ownMinor).toBe(30_000);
    expect(partOf(float, eastId).bonusMinor - partOf(before, eastId).bonusMinor).toBe(topped.slip.bonusMinor);
    expect(partOf(float, westId).balanceMinor - partOf(before, westId).balanceMinor).toBe(-10_000);

    const mine = await floatOf(east);
    expect(mine.parts).toEqual([partOf(float, eastId)]);
    const { franchiseeId: _id, code: _code, name: _name, ...figures } = partOf(float, eastId);
    expect(mine.total).toEqual(figures);
    expect((await floatOf(west)).parts.map((p) => p.franchiseeId)).toEqual([westId]);
  });
});

describe('a message to the analysed members (群发)', () => {
  const query = { from: '2026-11-01', to: '2026-11-22', valueClass: 'A' };
  const campaignRows = () => database.db.select().from(memberMessages).where(and(eq(memberMessages.chainId, f.chainId), eq(memberMessages.kind, 'campaign')));
  const send = async (token: string, body: unknown) => f.app.request('/reports/member-analysis/messages', json(body, token));

  it('queues one message to each member the filters keep who may be written to, once however often it is sent', async () => {
    const campaign = { id: uuidv7(f.clock().getTime(), randomBytes(10)), query, text: '本周末会员日，饮品第二件半价' };
    const { signature } = await loadMemberMessageSettings(database.db, f.chainId);
    const first = await send(hq, campaign);
    expect(first.status, await first.clone().text()).toBe(201);
    // Three class-A members; only m1 consented and has a mobile number.
    expect(MemberCampaignResult.parse(await first.json())).toEqual({
      id: campaign.id, members: 3, queued: 1, alreadyQueued: 0, unreachable: 2, text: `【${signature}】本周末会员日，饮品第二件半价。拒收请回复R`,
    });
    const [hqUser] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'hq@demo.pos'));
    const [queued] = await campaignRows();
    expect(queued).toMatchObject({
      memberId: m[1]!.id, phone: '13900001234', status: 'pending', text: `【${signature}】本周末会员日，饮品第二件半价。拒收请回复R`,
      dedupeKey: `campaign:${campaign.id}:${m[1]!.id}`, facts: { kind: 'campaign', campaignId: campaign.id, text: '本周末会员日，饮品第二件半价', sentBy: hqUser!.id },
    });

    // Another member of the list consents; the same campaign sent again reaches them alone.
    const classA = (await listed(hq, '&valueClass=A')).items.map((a) => a.memberId).filter((id) => id !== m[1]!.id);
    await database.db.update(members).set({ phone: '13900005678', consentToMessages: true }).where(and(eq(members.chainId, f.chainId), eq(members.id, classA[0]!)));
    const again = MemberCampaignResult.parse(await (await send(hq, campaign)).json());
    expect(again).toMatchObject({ members: 3, queued: 1, alreadyQueued: 1, unreachable: 1 });
    expect(MemberCampaignResult.parse(await (await send(hq, campaign)).json())).toMatchObject({ queued: 0, alreadyQueued: 2, unreachable: 1 });
    expect((await campaignRows()).map((r) => r.memberId).sort()).toEqual([m[1]!.id, classA[0]!].sort());
    await database.db.update(members).set({ phone: null, consentToMessages: false }).where(and(eq(members.chainId, f.chainId), eq(members.id, classA[0]!)));
  });

  it('is HQ’s alone, and refuses a text it would not send, writing nothing', async () => {
    const before = (await campaignRows()).length;
    const campaign = { id: uuidv7(f.clock().getTime(), randomBytes(10)), query, text: '新品上市' };
    for (const token of [east, west]) expect((await send(token, campaign)).status).toBe(403);
    for (const text of ['', ' ', '【别家】新品上市', '新'.repeat(CAMPAIGN_TEXT_MAX + 1), '新品\u0000上市']) {
      const res = await send(hq, { ...campaign, text });
      expect(res.status, text).toBe(400);
      expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await send(hq, { ...campaign, id: 'not-an-id' })).status).toBe(400);
    expect((await send(hq, { ...campaign, query: { ...query, lapsingMonths: 9, lostMonths: 3 } })).status).toBe(400);
    expect(await campaignRows()).toHaveLength(before);
  });
});
