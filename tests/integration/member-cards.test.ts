import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { newId } from '@pos/hq-server/ids';
import { runLevelJob } from '@pos/hq-server/members/level-job';
import { memberAccounts, memberCards, membershipSettings, memberRenewals, storedValueEntries } from '@pos/hq-server/members/membership.tables';
import { chains } from '@pos/hq-server/org/org.tables';
import { memberLevels, members } from '@pos/hq-server/pricing/pricing.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { postPoints } from '@pos/hq-server/points/post-points';
import { postStoredValue } from '@pos/hq-server/stored-value/post-entry';
import { CancelCardResult, DuplicateList, hasValidCheckDigit, MemberCard, MemberDetail, MemberLevelSettings, MemberRecord, PushResponse, withCheckDigit, type PairedDevice } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let hq: string;
let manager: string;
let east: string;
let finance: string;
let levels: Record<string, string>;
const clock = testClock('2026-11-22T04:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
  till = await pairTill(f, 'S001');
  [hq, manager, east, finance] = await Promise.all([
    signInOffice(f, 'hq@demo.pos'), signInOffice(f, 's001@demo.pos'), signInOffice(f, 'east@demo.pos'), signInOffice(f, 'finance@demo.pos'),
  ]);
  const rows = await f.deps.db.select().from(memberLevels).where(eq(memberLevels.chainId, f.chainId));
  levels = Object.fromEntries(rows.map((l) => [l.code, l.id]));
});
afterAll(() => database.close());

const call = (method: string, path: string, body: unknown, token = hq) => f.app.request(path, { ...json(body, token), method });
const post = (path: string, body: unknown = {}, token = hq) => call('POST', path, body, token);
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; details?: { path: string }[] } }).error;
const detail = async (id: string, token = hq) => MemberDetail.parse(await (await f.app.request(`/members/${id}`, bearer(token))).json());
const foundMemberId = async (res: Response) => ((await res.json()) as { id: string }).id;
const lookup = (code: string, token = till.deviceToken) => f.app.request(`/members/lookup?code=${encodeURIComponent(code)}`, bearer(token));

let phoneSeq = 0;
/** A new member enrolled through the API, with HQ's next card number. */
async function enrolled(name = '测试会员', over: Record<string, unknown> = {}): Promise<MemberRecord> {
  clock.advance(1_000);
  const phone = `1770000${String(++phoneSeq).padStart(4, '0')}`;
  const res = await post('/members', { name, phone, levelId: levels.BASIC, birthday: null, ...over });
  expect(res.status).toBe(201);
  return MemberRecord.parse(await res.json());
}

async function topUp(accountId: string, amountMinor: number, bonusMinor = 0) {
  await f.deps.db.transaction((tx) => postStoredValue(tx, f.chainId, accountId, amountMinor, { id: newId(clock), kind: 'top_up', bonusMinor, at: clock() }));
}

async function account(id: string) {
  const [row] = await f.deps.db.select().from(memberAccounts).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, id)));
  return row!;
}

/** The sum of an account's ledger, which must equal its balance. */
async function ledgerSum(accountId: string): Promise<number> {
  const [row] = await f.deps.db.select({ sum: sql<string>`coalesce(sum(${storedValueEntries.amountMinor}), 0)` }).from(storedValueEntries)
    .where(and(eq(storedValueEntries.chainId, f.chainId), eq(storedValueEntries.accountId, accountId)));
  return Number(row!.sum);
}

describe('card numbers', () => {
  it('issues numbers with the chain prefix and a valid check digit, different each time', async () => {
    const [a, b] = [await enrolled(), await enrolled()];
    for (const m of [a, b]) expect(m.cardNo).toMatch(/^8888\d{8}$/);
    expect(hasValidCheckDigit(a.cardNo!) && hasValidCheckDigit(b.cardNo!)).toBe(true);
    expect(a.cardNo).not.toBe(b.cardNo);
  });

  it('refuses a mistyped number before looking anything up', async () => {
    const m = await enrolled();
    const wrong = `${m.cardNo!.slice(0, -1)}${(Number(m.cardNo!.at(-1)) + 1) % 10}`;
    const res = await post(`/members/${m.id}/cards`, { cardNo: wrong });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe('cardNo');
  });
});

describe('card lifecycle', () => {
  it('reports a card lost, refuses it at the till as lost, replaces it and keeps the balance and points on the account', async () => {
    const m = await enrolled('挂失会员');
    await topUp(m.id, 50_000, 5_000);
    await postPoints(f.deps.db, f.chainId, m.id, 1200, { id: newId(f.clock), kind: 'adjustment', memberId: m.id, reason: 'test' }, { at: f.clock(), earnedOn: '2026-11-22' });
    const lost = await post('/members/cards/lost', { cardNo: m.cardNo }, manager);
    expect(lost.status).toBe(200);
    expect(MemberCard.parse(await lost.json())).toMatchObject({ cardNo: m.cardNo, status: 'lost' });
    const atTill = await lookup(m.cardNo!);
    expect(atTill.status).toBe(423);
    expect(await errorOf(atTill)).toMatchObject({ code: 'CARD_LOST', message: expect.stringContaining('card reported lost') });
    expect(JSON.stringify(await errorOf(await lookup(m.cardNo!)))).not.toContain('挂失会员');

    const [oldCard] = (await detail(m.id)).cards;
    clock.advance(1_000);
    const replaced = await post(`/members/cards/${oldCard!.id}/replace`, {}, manager);
    expect(replaced.status).toBe(200);
    const after = MemberDetail.parse(await replaced.json());
    expect(after.cards.map((c) => c.status)).toEqual(['replaced', 'active']);
    expect(after.cards[0]!.replacedByCardId).toBe(after.cards[1]!.id);
    expect(after.cardNo).toBe(after.cards[1]!.cardNo);
    expect(after.account).toMatchObject({ balanceMinor: 50_000, bonusMinor: 5_000, points: 1200 });
    expect((await lookup(after.cardNo!)).status).toBe(200);
    expect((await lookup(m.cardNo!)).status).toBe(404);
    expect(await ledgerSum(m.id)).toBe(50_000);
    const audit = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.entity, 'member_card'), eq(auditEntries.entityId, oldCard!.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['replace', 'report_lost']);
  });

  it('lets a till report a card lost, and no office user without the role', async () => {
    const m = await enrolled();
    expect((await post('/members/cards/lost', { cardNo: m.cardNo }, finance)).status).toBe(403);
    expect((await post('/members/cards/lost', { cardNo: m.cardNo }, till.deviceToken)).status).toBe(200);
    expect((await lookup(m.cardNo!)).status).toBe(423);
    const [entry] = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.entity, 'member_card'), eq(auditEntries.action, 'report_lost'), eq(auditEntries.actorKind, 'device')));
    expect(entry).toBeDefined();
  });

  it('lets a till replace a lost card by its number and the new card’s, once, and refuses what cannot be', async () => {
    const m = await enrolled();
    const fresh = withCheckDigit('88887777');
    expect((await post('/members/cards/lost', { cardNo: m.cardNo }, till.deviceToken)).status).toBe(200);
    expect((await post('/members/cards/replacement', { cardNo: m.cardNo, newCardNo: m.cardNo }, till.deviceToken)).status).toBe(400);
    expect((await post('/members/cards/replacement', { cardNo: m.cardNo, newCardNo: '88887778' }, till.deviceToken)).status).toBe(400);
    expect((await post('/members/cards/replacement', { cardNo: m.cardNo, newCardNo: fresh }, finance)).status).toBe(403);
    const replaced = await post('/members/cards/replacement', { cardNo: m.cardNo, newCardNo: fresh }, till.deviceToken);
    expect(replaced.status).toBe(200);
    expect(MemberCard.parse(await replaced.json())).toMatchObject({ cardNo: fresh, status: 'active' });
    expect((await lookup(fresh)).status).toBe(200);
    expect((await lookup(m.cardNo!)).status).toBe(404);
    expect((await post('/members/cards/replacement', { cardNo: m.cardNo, newCardNo: withCheckDigit('88887779') }, till.deviceToken)).status).toBe(409);
    const other = await enrolled('另一位会员');
    expect((await post('/members/cards/lost', { cardNo: other.cardNo }, till.deviceToken)).status).toBe(200);
    expect((await post('/members/cards/replacement', { cardNo: other.cardNo, newCardNo: fresh }, till.deviceToken)).status).toBe(409);
    expect((await lookup(other.cardNo!)).status).toBe(423);
  });

  it('issues a second card that waits for activation, and refuses illegal transitions with 409', async () => {
    const m = await enrolled();
    const issued = MemberDetail.parse(await (await post(`/members/${m.id}/cards`, {})).json());
    const spare = issued.cards.find((c) => c.status === 'issued')!;
    expect((await lookup(spare.cardNo)).status).toBe(404);
    const twoActive = await post(`/members/cards/${spare.id}/activate`);
    expect(twoActive.status).toBe(409);
    expect((await errorOf(twoActive)).message).toMatch(/already has an active card/);
    const active = issued.cards.find((c) => c.status === 'active')!;
    expect((await post(`/members/cards/${active.id}/activate`)).status).toBe(409);
    expect((await post(`/members/cards/${spare.id}/replace`, {})).status).toBe(409);
    expect((await post(`/members/cards/${spare.id}/cancel`, {})).status).toBe(200);
    const cancelledAgain = await post(`/members/cards/${spare.id}/cancel`, {});
    expect(cancelledAgain.status).toBe(409);
    expect((await errorOf(cancelledAgain)).message).toMatch(/cancelled/);
    expect((await detail(m.id)).active).toBe(true);
    expect((await post(`/members/cards/${newId(clock)}/activate`)).status).toBe(404);
    expect((await post('/members/cards/not-a-uuid/activate')).status).toBe(400);
  });

  it('sets a PIN hashed, clears it, and starts the tries afresh', async () => {
    const m = await enrolled();
    const [card] = (await detail(m.id)).cards;
    await f.deps.db.update(memberCards).set({ pinFailedTries: 4, pinLockedUntil: new Date(clock().getTime() + 600_000) }).where(eq(memberCards.id, card!.id));
    const set = await post(`/members/cards/${card!.id}/pin`, { pin: '482913' }, manager);
    expect(MemberCard.parse(await set.json())).toMatchObject({ hasPin: true, pinLocked: false });
    const [row] = await f.deps.db.select().from(memberCards).where(eq(memberCards.id, card!.id));
    expect(row).toMatchObject({ pinFailedTries: 0, pinLockedUntil: null });
    expect(row!.pinHash).toMatch(/^scrypt\$/);
    expect(row!.pinHash).not.toContain('482913');
    expect((await post(`/members/cards/${card!.id}/pin`, { pin: '12' })).status).toBe(400);
    expect(MemberCard.parse(await (await post(`/members/cards/${card!.id}/pin`, { pin: null })).json()).hasPin).toBe(false);
    const audit = await f.deps.db.select().from(auditEntries).where(eq(auditEntries.entityId, card!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['clear_pin', 'set_pin']);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });
});

describe('cancelling a card (注销)', () => {
  it('needs a refund tender while the account holds money, then refunds the member’s own money and forfeits the bonus', async () => {
    const m = await enrolled();
    await topUp(m.id, 30_000, 2_000);
    const [card] = (await detail(m.id)).cards;
    const refused = await post(`/members/cards/${card!.id}/cancel`, {});
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).details?.[0]?.path).toBe('refundTender');
    expect((await account(m.id)).balanceMinor).toBe(30_000);
    expect((await post(`/members/cards/${card!.id}/cancel`, { refundTender: 'cheque' })).status).toBe(400);

    const done = CancelCardResult.parse(await (await post(`/members/cards/${card!.id}/cancel`, { refundTender: 'cash' }, manager)).json());
    expect(done).toMatchObject({ membershipEnded: true, refundedMinor: 28_000, forfeitedMinor: 2_000, refundTender: 'cash', card: { status: 'cancelled' } });
    expect(await account(m.id)).toMatchObject({ balanceMinor: 0, bonusMinor: 0 });
    expect(await ledgerSum(m.id)).toBe(0);
    const [entry] = await f.deps.db.select().from(storedValueEntries).where(and(eq(storedValueEntries.accountId, m.id), eq(storedValueEntries.kind, 'cancellation')));
    expect(entry).toMatchObject({ amountMinor: -30_000, bonusMinor: -2_000, reason: 'refund:cash', balanceAfterMinor: 0, storeId: f.storeIds.S001 });
    expect((await detail(m.id)).active).toBe(false);
    expect((await lookup(m.cardNo!)).status).toBe(404);
  });

  it('forfeits the whole balance where the chain says so', async () => {
    await f.deps.db.insert(membershipSettings).values({ chainId: f.chainId, cancelForfeitsBalance: true, updatedAt: clock() })
      .onConflictDoUpdate({ target: membershipSettings.chainId, set: { cancelForfeitsBalance: true } });
    try {
      const m = await enrolled();
      await topUp(m.id, 12_345);
      const [card] = (await detail(m.id)).cards;
      const done = CancelCardResult.parse(await (await post(`/members/cards/${card!.id}/cancel`, {})).json());
      expect(done).toMatchObject({ refundedMinor: 0, forfeitedMinor: 12_345, refundTender: null });
      expect(await ledgerSum(m.id)).toBe((await account(m.id)).balanceMinor);
      const [entry] = await f.deps.db.select().from(storedValueEntries).where(and(eq(storedValueEntries.accountId, m.id), eq(storedValueEntries.kind, 'cancellation')));
      expect(entry!.reason).toBe('forfeit');
    } finally {
      await f.deps.db.update(membershipSettings).set({ cancelForfeitsBalance: false }).where(eq(membershipSettings.chainId, f.chainId));
    }
  });
});

describe('parent and child cards (主附卡)', () => {
  it('refuses a child whose own account holds money, attaches an empty one with limits, and detaches it', async () => {
    const [parent, child, rich] = [await enrolled('家长'), await enrolled('孩子'), await enrolled('有钱的孩子')];
    await topUp(rich.id, 100);
    const refused = await call('PUT', `/members/${rich.id}/parent`, { parentMemberId: parent.id, childTxnLimitMinor: 5_000, childDayLimitMinor: 10_000 });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toMatch(/not empty/);
    expect((await detail(rich.id)).parent).toBeNull();

    expect((await call('PUT', `/members/${child.id}/parent`, { parentMemberId: child.id, childTxnLimitMinor: null, childDayLimitMinor: null })).status).toBe(409);
    expect((await call('PUT', `/members/${child.id}/parent`, { parentMemberId: parent.id, childTxnLimitMinor: -1, childDayLimitMinor: null })).status).toBe(400);
    const attached = MemberDetail.parse(await (await call('PUT', `/members/${child.id}/parent`, { parentMemberId: parent.id, childTxnLimitMinor: 5_000, childDayLimitMinor: 10_000 })).json());
    expect(attached).toMatchObject({ parent: { id: parent.id }, limits: { childTxnLimitMinor: 5_000, childDayLimitMinor: 10_000 }, account: { id: parent.id } });
    expect((await detail(parent.id)).children).toEqual([{ id: child.id, name: '孩子', cardNo: child.cardNo, childTxnLimitMinor: 5_000, childDayLimitMinor: 10_000 }]);
    expect((await call('PUT', `/members/${parent.id}/parent`, { parentMemberId: child.id, childTxnLimitMinor: null, childDayLimitMinor: null })).status).toBe(409);

    const limited = MemberDetail.parse(await (await call('PUT', `/members/${child.id}/limits`, { childTxnLimitMinor: 2_000, childDayLimitMinor: null }, manager)).json());
    expect(limited.limits).toEqual({ childTxnLimitMinor: 2_000, childDayLimitMinor: null });
    expect((await call('PUT', `/members/${parent.id}/limits`, { childTxnLimitMinor: 1, childDayLimitMinor: 1 })).status).toBe(409);

    const [parentCard] = (await detail(parent.id)).cards;
    const withChildren = await post(`/members/cards/${parentCard!.id}/cancel`, { refundTender: 'cash' });
    expect(withChildren.status).toBe(409);
    expect((await errorOf(withChildren)).message).toMatch(/child card/);

    const detached = MemberDetail.parse(await (await call('DELETE', `/members/${child.id}/parent`, {})).json());
    expect(detached).toMatchObject({ parent: null, account: { id: child.id }, limits: { childTxnLimitMinor: null, childDayLimitMinor: null } });
    expect((await call('DELETE', `/members/${child.id}/parent`, {})).status).toBe(409);
    expect((await call('PUT', `/members/${child.id}/parent`, { parentMemberId: parent.id, childTxnLimitMinor: null, childDayLimitMinor: null }, manager)).status).toBe(403);
  });
});

describe('merging duplicates (查重、合并)', () => {
  it('lists look-alikes and merges balance, bonus, points, cards and children into one, in the ledger', async () => {
    const [keep, dup] = [await enrolled('周重复', { birthday: '1990-01-02' }), await enrolled('周重复', { birthday: '1990-01-02' })];
    const kid = await enrolled('周小孩');
    await call('PUT', `/members/${kid.id}/parent`, { parentMemberId: dup.id, childTxnLimitMinor: null, childDayLimitMinor: null });
    await topUp(keep.id, 10_000);
    await topUp(dup.id, 20_000, 3_000);
    await postPoints(f.deps.db, f.chainId, dup.id, 700, { id: newId(f.clock), kind: 'adjustment', memberId: dup.id, reason: 'test' }, { at: f.clock(), earnedOn: '2026-11-22' });
    const groups = DuplicateList.parse(await (await f.app.request('/members/duplicates', bearer(hq))).json()).groups;
    expect(groups.find((g) => g.reason === 'name_birthday' && g.members.some((m) => m.id === dup.id))!.members.map((m) => m.id)).toEqual([keep.id, dup.id]);

    expect((await post(`/members/${dup.id}/merge`, { intoMemberId: dup.id })).status).toBe(409);
    expect((await post(`/members/${kid.id}/merge`, { intoMemberId: keep.id })).status).toBe(409);
    expect((await post(`/members/${dup.id}/merge`, { intoMemberId: keep.id }, manager)).status).toBe(403);
    const merged = MemberDetail.parse(await (await post(`/members/${dup.id}/merge`, { intoMemberId: keep.id })).json());
    expect(merged.account).toMatchObject({ balanceMinor: 30_000, bonusMinor: 3_000, points: 700 });
    expect(merged.cards.map((c) => c.cardNo).sort()).toEqual([keep.cardNo, dup.cardNo].sort());
    expect(merged.children.map((c) => c.id)).toEqual([kid.id]);
    expect((await detail(kid.id)).account.id).toBe(keep.id);
    expect(await account(dup.id)).toMatchObject({ balanceMinor: 0, bonusMinor: 0, points: 0 });
    for (const id of [keep.id, dup.id]) expect(await ledgerSum(id)).toBe((await account(id)).balanceMinor);
    const kinds = await f.deps.db.select({ kind: storedValueEntries.kind, amount: storedValueEntries.amountMinor, bonus: storedValueEntries.bonusMinor }).from(storedValueEntries)
      .where(sql`${storedValueEntries.kind} in ('transfer_out', 'transfer_in') and ${storedValueEntries.accountId} in (${keep.id}, ${dup.id})`);
    expect(kinds.sort((a, b) => a.amount - b.amount)).toEqual([{ kind: 'transfer_out', amount: -20_000, bonus: -3_000 }, { kind: 'transfer_in', amount: 20_000, bonus: 3_000 }]);
    expect(await foundMemberId(await lookup(dup.cardNo!))).toBe(keep.id);
    expect(await detail(dup.id)).toMatchObject({ active: false, mergedIntoMemberId: keep.id });

    expect((await post(`/members/${dup.id}/merge`, { intoMemberId: keep.id })).status).toBe(409);
    const other = await enrolled();
    expect((await post(`/members/${other.id}/merge`, { intoMemberId: dup.id })).status).toBe(409);
    expect((await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, dup.id), eq(auditEntries.action, 'merge')))).length).toBe(1);
  });

  it('does not merge across chains: another chain’s member does not exist here', async () => {
    const otherChain = newId(clock);
    await f.deps.db.insert(chains).values({ id: otherChain, code: 'OTHER-M', name: 'Other', currency: 'CNY', timeZone: 'Asia/Shanghai', createdAt: clock() });
    const otherLevel = newId(clock);
    await f.deps.db.insert(memberLevels).values({ chainId: otherChain, id: otherLevel, code: 'L', nameZh: 'L', nameEn: 'L' });
    const stranger = newId(clock);
    await f.deps.db.insert(members).values({ chainId: otherChain, id: stranger, accountId: stranger, name: '外人', levelId: otherLevel, createdAt: clock() });
    const mine = await enrolled();
    expect((await post(`/members/${mine.id}/merge`, { intoMemberId: stranger })).status).toBe(404);
    expect((await post(`/members/${stranger}/merge`, { intoMemberId: mine.id })).status).toBe(404);
    expect((await f.app.request(`/members/${stranger}`, bearer(hq))).status).toBe(404);
  });
});

describe('profile and history', () => {
  it('changes the profile, audited, and refuses bad input and a taken phone, changing nothing', async () => {
    const m = await enrolled('张三');
    const res = await call('PATCH', `/members/${m.id}`, { name: '张三丰', gender: 'male', consentToMessages: true, tags: ['VIP', '团购'], birthday: '03-15' }, manager);
    expect(res.status).toBe(200);
    expect(MemberDetail.parse(await res.json())).toMatchObject({ name: '张三丰', gender: 'male', consentToMessages: true, tags: ['VIP', '团购'], birthday: '03-15' });
    expect((await f.app.request('/members?q=zsf', bearer(hq))).status).toBe(200);
    const [audit] = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, m.id), eq(auditEntries.action, 'update')));
    expect(audit!.after).toMatchObject({ name: '张三丰', tags: ['VIP', '团购'] });

    for (const bad of [{}, { gender: 'other' }, { tags: ['a', 'a'] }, { birthday: '02-30' }, { name: '' }]) expect((await call('PATCH', `/members/${m.id}`, bad)).status).toBe(400);
    expect((await call('PATCH', `/members/${m.id}`, { phone: '13812345678' })).status).toBe(409);
    expect((await call('PATCH', `/members/${m.id}`, { name: '李四' }, finance)).status).toBe(403);
    expect((await detail(m.id)).name).toBe('张三丰');
  });

  it('keeps the sale’s member at ingest and shows the purchases in the stores the caller may see', async () => {
    const m = await enrolled('购物会员');
    const own = { ...makeSale(f, till, '0012', { lines: 1 }), pricing: { channel: 'retail' as const, member: { id: m.id, levelId: levels.BASIC!, birthday: null }, vouchers: [], manualDiscounts: [] } };
    const pushed = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [own] }, till.deviceToken))).json());
    expect(pushed.results.map((r) => r.status)).toEqual(['accepted']);
    const [row] = await f.deps.db.select({ memberId: sales.memberId }).from(sales).where(eq(sales.id, own.id));
    expect(row!.memberId).toBe(m.id);
    expect((await detail(m.id)).recentSales.map((s) => s.id)).toEqual([own.id]);
    expect((await detail(m.id, east)).recentSales).toEqual([]);
  });
});

describe('levels and paid membership', () => {
  it('runs the level job by spend, twice the same as once, and lets lapsed paid members fall back', async () => {
    await f.deps.db.update(memberLevels).set({ isDefault: true, rank: 0 }).where(eq(memberLevels.id, levels.BASIC!));
    await f.deps.db.update(memberLevels).set({ rank: 1, ruleBasis: 'spend', ruleThreshold: 1, rulePeriodDays: 30 }).where(eq(memberLevels.id, levels.SILVER_CARD!));
    await f.deps.db.update(memberLevels).set({ rank: 2, paidPeriodMonths: 12 }).where(eq(memberLevels.id, levels.GOLD_CARD!));
    const shopper = (await f.deps.db.select({ memberId: sales.memberId }).from(sales).where(sql`${sales.memberId} is not null`).limit(1))[0]!.memberId!;
    const lapsed = await enrolled('过期会员', { levelId: levels.GOLD_CARD });
    await f.deps.db.update(members).set({ paidUntil: '2026-01-31' }).where(eq(members.id, lapsed.id));
    const renewedMember = await enrolled('续费会员', { levelId: levels.GOLD_CARD });
    await f.deps.db.update(members).set({ paidUntil: '2026-12-31' }).where(eq(members.id, renewedMember.id));

    const first = await runLevelJob(f.deps.db, f.chainId, clock);
    expect(first.upgraded).toBeGreaterThanOrEqual(1);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await detail(shopper)).level.id).toBe(levels.SILVER_CARD);
    expect((await detail(lapsed.id)).level.id).toBe(levels.BASIC);
    expect((await detail(renewedMember.id)).level.id).toBe(levels.GOLD_CARD);
    expect(await runLevelJob(f.deps.db, f.chainId, clock)).toEqual({ upgraded: 0, downgraded: 0, expired: 0 });

    const renewed = await post(`/members/${renewedMember.id}/renewal`, {}, manager);
    expect(renewed.status).toBe(200);
    expect(MemberDetail.parse(await renewed.json()).paidUntil).toBe('2027-12-31');
    expect(await f.deps.db.$count(memberRenewals, eq(memberRenewals.memberId, renewedMember.id))).toBe(1);
    expect((await post(`/members/${lapsed.id}/renewal`)).status).toBe(409);
    expect((await post(`/members/${renewedMember.id}/renewal`, {}, finance)).status).toBe(403);
  });

  it('weighs a member’s spend less what their returns took back', async () => {
    const m = await enrolled('退货会员');
    const sale = { ...makeSale(f, till, '0012', { lines: 2 }), pricing: { channel: 'retail' as const, member: { id: m.id, levelId: levels.BASIC!, birthday: null }, vouchers: [], manualDiscounts: [] } };
    await f.deps.db.update(memberLevels).set({ isDefault: true, rank: 0, ruleBasis: null, ruleThreshold: null }).where(eq(memberLevels.id, levels.BASIC!));
    await f.deps.db.update(memberLevels).set({ rank: 1, ruleBasis: 'spend', ruleThreshold: sale.totalMinor, rulePeriodDays: 30 }).where(eq(memberLevels.id, levels.SILVER_CARD!));
    const push = async (document: object) => PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [document] }, till.deviceToken))).json()).results.map((r) => r.status);
    expect(await push(sale)).toEqual(['accepted']);
    await runLevelJob(f.deps.db, f.chainId, clock);
    expect((await detail(m.id)).level.id).toBe(levels.SILVER_CARD);

    clock.advance(3_600_000);
    const line = sale.lines[0]!;
    expect(await push(makeReturn(f, till, '0012', sale, [{ saleLineId: line.id, quantity: 1 }]))).toEqual(['accepted']);
    expect(await runLevelJob(f.deps.db, f.chainId, clock)).toMatchObject({ downgraded: 1 });
    expect((await detail(m.id)).level.id).toBe(levels.BASIC);
  });

  it('changes a level’s rank and rule from the office, audited, moving the default and refusing bad input, changing nothing', async () => {
    const put = (id: string, body: unknown, token = hq) => call('PUT', `/pricing/member-levels/${id}`, body, token);
    const list = async () => z.array(MemberLevelSettings).parse(await (await f.app.request('/pricing/member-levels', bearer(hq))).json());
    const gold = (await list()).find((l) => l.code === 'GOLD_CARD')!;
    const body = { nameZh: '金卡', nameEn: 'Gold', active: true, rank: 5, ruleBasis: 'points', ruleThreshold: 8_000, rulePeriodDays: 180, isDefault: true, paidPeriodMonths: null };
    const saved = await put(gold.id, body);
    expect(saved.status).toBe(200);
    expect(MemberLevelSettings.parse(await saved.json())).toMatchObject({ ...body, id: gold.id, code: 'GOLD_CARD' });
    const after = await list();
    expect(after.filter((l) => l.isDefault).map((l) => l.code)).toEqual(['GOLD_CARD']);
    const audited = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, gold.id)));
    expect(audited.map((a) => [a.entity, a.action])).toEqual([['member_level', 'update']]);

    const refusals = await Promise.all([
      put(gold.id, { ...body, ruleThreshold: null }),
      put(gold.id, { ...body, isDefault: true, active: false }),
      put(gold.id, { ...body, rulePeriodDays: 0 }),
      put(gold.id, { ...body, isDefault: false }),
      put(gold.id, body, finance),
      put(gold.id, body, east),
      put('00000000-0000-7000-8000-000000000000', body),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 409, 403, 403, 404]);
    expect((await errorOf(refusals[0]!)).details?.map((d) => d.path)).toContain('ruleThreshold');
    expect(await list()).toEqual(after);
  });
});
