import { openDatabase } from '@pos/hq-server/db/client';
import { queueBirthdayGreetings, queueCareReminders, queuePointsExpiryNotices } from '@pos/hq-server/member-messages/daily-messages';
import type { MessageProvider, SendOutcome } from '@pos/hq-server/member-messages/message-provider';
import { memberMessageSettings, memberMessages } from '@pos/hq-server/member-messages/member-messages.tables';
import { queueMemberMessage } from '@pos/hq-server/member-messages/queue-message';
import { SPEND_NOTICE_DELAY_MS } from '@pos/hq-server/member-messages/money-notices';
import { startMessageSchedule } from '@pos/hq-server/member-messages/message-schedule';
import { MAX_SEND_ATTEMPTS, sendDueMessages } from '@pos/hq-server/member-messages/send-messages';
import { memberAccounts } from '@pos/hq-server/members/membership.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { addDays, addMonths, CardBalance, defaultMemberMessageSettings, MemberMessageList, MemberMessageSettings, PushResponse } from '@pos/shared';
import { and, eq, gte, inArray, isNull, max, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { addMember, paymentId, spend, topUp } from '../support/stored-value';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let wang: string;
let li: string;
/** The demo's care reminders as the seed left them, before each test clears the messages. */
let seededCare: (typeof memberMessages.$inferSelect)[];

const memberId = async (phone: string) => (await f.deps.db.select({ id: members.id }).from(members).where(and(eq(members.chainId, f.chainId), eq(members.phone, phone))))[0]!.id;
const setConsent = (id: string, consent: boolean) => f.deps.db.update(members).set({ consentToMessages: consent }).where(and(eq(members.chainId, f.chainId), eq(members.id, id)));
const messagesOf = (id: string) => f.deps.db.select().from(memberMessages).where(and(eq(memberMessages.chainId, f.chainId), eq(memberMessages.memberId, id)));
const topUpFacts = { kind: 'top_up', currency: 'CNY', amountMinor: 50_000, bonusMinor: 5_000, balanceMinor: 55_000, storeName: '人民广场店' } as const;

/** A provider that records what it sent, failing while `failing` says so. */
function recordingProvider(failing: () => SendOutcome | null = () => null): MessageProvider & { sent: { to: string; text: string }[] } {
  const sent: { to: string; text: string }[] = [];
  return { name: 'test', sent, send: async (message) => failing() ?? (sent.push(message), { ok: true, ref: `ref-${sent.length}` }) };
}

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  wang = await memberId('13812345678');
  li = await memberId('13987654321');
  seededCare = await f.deps.db.select().from(memberMessages).where(and(eq(memberMessages.chainId, f.chainId), eq(memberMessages.kind, 'care_reminder')));
});
afterAll(() => database.close());
beforeEach(async () => {
  await f.deps.db.delete(memberMessages);
  await f.deps.db.update(members).set({ consentToMessages: false }).where(eq(members.chainId, f.chainId));
  await f.deps.db.delete(memberMessageSettings);
});

describe('queueing a message to a member', () => {
  it('queues the text made from the facts, once per key, only for a member who consented', async () => {
    const db = f.deps.db;
    expect(await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:p1')).toBe(false);
    expect(await messagesOf(wang)).toEqual([]);
    await setConsent(wang, true);
    expect(await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:p1')).toBe(true);
    expect(await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:p1')).toBe(false);
    const [message, ...others] = await messagesOf(wang);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ kind: 'top_up', phone: '13812345678', status: 'pending', attempts: 0, text: '【会员中心】您的会员卡于人民广场店充值¥500.00，赠送¥50.00，当前余额¥550.00。' });
  });

  it('queues nothing of a kind the chain turned off, nor for an inactive member or one without a phone', async () => {
    const db = f.deps.db;
    await setConsent(wang, true);
    const res = await f.app.request('/settings/member-messages', { ...json({ ...defaultMemberMessageSettings, enabledKinds: ['birthday'] }, hq), method: 'PUT' });
    expect(res.status).toBe(200);
    expect(await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:p2')).toBe(false);
    await db.delete(memberMessageSettings);
    await db.update(members).set({ active: false }).where(eq(members.id, wang));
    expect(await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:p3')).toBe(false);
    await db.update(members).set({ active: true, phone: null }).where(eq(members.id, wang));
    expect(await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:p4')).toBe(false);
    await db.update(members).set({ phone: '13812345678' }).where(eq(members.id, wang));
    expect(await messagesOf(wang)).toEqual([]);
  });
});

describe('sending', () => {
  it('sends what is due once, tries a failed one again later, and gives up after the last try', async () => {
    const db = f.deps.db;
    await setConsent(wang, true);
    await setConsent(li, true);
    await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:s1');
    await queueMemberMessage(db, f.clock, f.chainId, li, { kind: 'low_balance', currency: 'CNY', balanceMinor: 800 }, 'low:s1');
    const provider = recordingProvider();
    expect(await sendDueMessages(db, f.clock, provider)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(provider.sent.map((m) => m.to).sort()).toEqual(['13812345678', '13987654321']);
    expect(await sendDueMessages(db, f.clock, provider)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await messagesOf(wang))[0]).toMatchObject({ status: 'sent', attempts: 1, providerRef: expect.stringMatching(/^ref-/), sentAt: f.clock() });

    await queueMemberMessage(db, f.clock, f.chainId, wang, { kind: 'birthday', name: '王小明' }, 'birthday:s1');
    const down = recordingProvider(() => ({ ok: false, error: 'gateway timeout', retry: true }));
    expect(await sendDueMessages(db, f.clock, down)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // Not due again until its wait is over.
    expect(await sendDueMessages(db, f.clock, down)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (let attempt = 2; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      f.clock.advance(7 * 3_600_000);
      expect(await sendDueMessages(db, f.clock, down)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    }
    f.clock.advance(7 * 3_600_000);
    expect(await sendDueMessages(db, f.clock, down)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const birthday = (await messagesOf(wang)).find((m) => m.kind === 'birthday')!;
    expect(birthday).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS, lastError: 'gateway timeout', sentAt: null });
  });

  it('marks a message the gateway refuses for good as failed at once, and counts a provider that throws as a failed try', async () => {
    const db = f.deps.db;
    await setConsent(wang, true);
    await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:r1');
    expect(await sendDueMessages(db, f.clock, recordingProvider(() => ({ ok: false, error: 'invalid number', retry: false })))).toEqual({ sent: 0, retrying: 0, failed: 1 });
    await queueMemberMessage(db, f.clock, f.chainId, wang, topUpFacts, 'top_up:r2');
    const throwing: MessageProvider = { name: 'broken', send: async () => { throw new Error('socket hang up'); } };
    expect(await sendDueMessages(db, f.clock, throwing)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await messagesOf(wang)).map((m) => [m.dedupeKey, m.status, m.lastError]).sort()).toEqual([['top_up:r1', 'failed', 'invalid number'], ['top_up:r2', 'pending', 'socket hang up']]);
  });

  it.skipIf(process.env.POS_TEST_DB !== 'postgres')('sends each message once when three HQ processes send at the same time', async () => {
    const consenting = await f.deps.db.update(members).set({ consentToMessages: true })
      .where(and(eq(members.chainId, f.chainId), sql`${members.phone} is not null`)).returning({ id: members.id });
    await f.deps.db.insert(memberMessageSettings).values({ chainId: f.chainId, ...defaultMemberMessageSettings, enabledKinds: ['care_reminder'], updatedAt: f.clock() });
    for (const [i, m] of consenting.entries()) await queueMemberMessage(f.deps.db, f.clock, f.chainId, m.id, { kind: 'care_reminder', name: 'x', months: 6 }, `race:${i}`);
    expect(consenting.length).toBeGreaterThan(30);
    const hqs = await Promise.all([0, 1, 2].map(() => openDatabase({ url: database.url!, poolSize: 2 })));
    try {
      const slow = recordingProvider();
      const providers = hqs.map(() => ({ ...slow, send: async (m: { to: string; text: string }) => { await new Promise((r) => setTimeout(r, 2)); return slow.send(m); } }));
      const reports = await Promise.all(hqs.map((h, i) => sendDueMessages(h.db, f.clock, providers[i]!, 10)));
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(consenting.length);
      expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
      expect(slow.sent.length).toBe(consenting.length);
      expect(new Set(slow.sent.map((m) => m.to)).size).toBe(consenting.length);
    } finally {
      await Promise.all(hqs.map((h) => h.close()));
    }
  });
});

describe('notices of a member’s money', () => {
  it('tells a top-up at once, a spend after a pause, a low balance after it, and nothing of a spend reversed before then', async () => {
    await setConsent(wang, true);
    const till = await pairTill(f, 'S001');
    const card = demoCardNo(1);
    const balance = async () => CardBalance.parse(await (await f.app.request(`/stored-value/balance?cardNo=${card}`, bearer(till.deviceToken))).json()).balanceMinor;
    const before = await balance();
    expect((await topUp(f, till.deviceToken, { cardNo: card, amountMinor: 10_000 })).status).toBe(200);
    const kept = paymentId();
    expect((await spend(f, till.deviceToken, { paymentId: kept, cardNo: card, amountMinor: before + 10_000 - 500 })).status).toBe(200);
    const reversed = paymentId();
    expect((await spend(f, till.deviceToken, { paymentId: reversed, cardNo: card, amountMinor: 100 })).status).toBe(200);
    expect((await f.app.request(`/stored-value/spends/${reversed}/reversal`, json({}, till.deviceToken))).status).toBe(200);
    const queued = await messagesOf(wang);
    expect(queued.map((m) => m.dedupeKey).filter((key) => !key.startsWith('top_up:')).sort()).toEqual([`low_balance:${kept}`, `spend:${kept}`]);
    expect(queued.map((m) => m.kind).sort()).toEqual(['low_balance', 'spend', 'top_up']);
    expect(queued.find((m) => m.kind === 'top_up')!.text).toContain('于人民广场店充值¥100.00');
    expect(queued.find((m) => m.kind === 'spend')!.text).toContain('当前余额¥5.00');
    const provider = recordingProvider();
    expect(await sendDueMessages(f.deps.db, f.clock, provider)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    f.clock.advance(SPEND_NOTICE_DELAY_MS);
    expect(await sendDueMessages(f.deps.db, f.clock, provider)).toEqual({ sent: 2, retrying: 0, failed: 0 });
  });

  it('tells a member who did not consent nothing of their money, and a member who did only the kinds the chain sends', async () => {
    const till = await pairTill(f, 'S001');
    const card = demoCardNo(1);
    expect((await topUp(f, till.deviceToken, { cardNo: card, amountMinor: 10_000 })).status).toBe(200);
    expect((await spend(f, till.deviceToken, { cardNo: card, amountMinor: 100 })).status).toBe(200);
    expect(await messagesOf(wang)).toEqual([]);
    await setConsent(wang, true);
    await f.deps.db.insert(memberMessageSettings).values({
      chainId: f.chainId, enabledKinds: ['low_balance'], signature: '好邻居便利', lowBalanceBelowMinor: 100_000_000, careAfterMonths: 9, pointsExpiryNoticeDays: 14, updatedAt: f.clock(),
    });
    const low = paymentId();
    expect((await spend(f, till.deviceToken, { paymentId: low, cardNo: card, amountMinor: 100 })).status).toBe(200);
    expect((await topUp(f, till.deviceToken, { cardNo: card, amountMinor: 10_000 })).status).toBe(200);
    const queued = await messagesOf(wang);
    expect(queued.map((m) => [m.kind, m.dedupeKey])).toEqual([['low_balance', `low_balance:${low}`]]);
    expect(queued[0]!.text).toContain('【好邻居便利】');
  });
});

describe('birthday greetings', () => {
  it('greets consenting members whose birthday it is in the chain’s time zone, once a year however often the job runs', async () => {
    const db = f.deps.db;
    await setConsent(li, true);
    await setConsent(wang, true);
    // 03-08 00:30 in Shanghai is still 03-07 in UTC.
    f.clock.set('2027-03-07T16:30:00Z');
    expect(await queueBirthdayGreetings(db, f.clock, f.chainId)).toBeGreaterThanOrEqual(1);
    expect(await queueBirthdayGreetings(db, f.clock, f.chainId)).toBe(0);
    const greeted = await f.deps.db.select({ memberId: memberMessages.memberId, dedupeKey: memberMessages.dedupeKey, text: memberMessages.text })
      .from(memberMessages).where(eq(memberMessages.kind, 'birthday'));
    expect(greeted).toContainEqual({ memberId: li, dedupeKey: `birthday:2027:${li}`, text: expect.stringContaining('亲爱的李静，祝您生日快乐') });
    expect(greeted.every((g) => g.memberId !== wang)).toBe(true);
    const greetedIds = greeted.map((g) => g.memberId);
    const birthdays = await f.deps.db.select({ birthday: members.birthday, consent: members.consentToMessages }).from(members).where(inArray(members.id, greetedIds));
    expect(birthdays.every((b) => b.consent && b.birthday!.endsWith('03-08'))).toBe(true);
  });
});

/** The chain's settings with these kinds on, and care reminders after six months. */
const enableKinds = (enabledKinds: MemberMessageSettings['enabledKinds']) =>
  f.deps.db.insert(memberMessageSettings).values({ chainId: f.chainId, ...defaultMemberMessageSettings, enabledKinds, careAfterMonths: 6, updatedAt: f.clock() });
/** Noon of a day in Shanghai, the demo chain's time zone. */
const noonOf = (day: string) => f.clock.set(`${day}T04:00:00Z`);
/** A purchase of the member at S001 now, pushed as a till pushes it: it earns points and is their last purchase. */
async function buy(id: string): Promise<void> {
  const till = await pairTill(f, 'S001');
  const [member] = await f.deps.db.select({ levelId: members.levelId }).from(members).where(and(eq(members.chainId, f.chainId), eq(members.id, id)));
  const sale = { ...makeSale(f, till, '0012', { lines: 1 }), pricing: { channel: 'retail' as const, member: { id, levelId: member!.levelId, birthday: null }, vouchers: [], manualDiscounts: [] } };
  const pushed = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).json());
  expect(pushed.results.map((r) => r.status)).toEqual(['accepted']);
}
const poolPoints = async (id: string) => (await f.deps.db.select({ points: memberAccounts.points }).from(memberAccounts).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, id))))[0]!.points;

describe('points about to be cleared', () => {
  it('tells the holder of points lapsing within the notice days once, however often and however many processes run it', async () => {
    await setConsent(wang, true);
    noonOf('2026-11-22');
    const child = await addMember(f, undefined, { id: wang });
    await f.deps.db.update(members).set({ phone: '13700009999', consentToMessages: true }).where(and(eq(members.chainId, f.chainId), eq(members.id, child.id)));
    await buy(wang);
    await buy(child.id);
    // The demo's points lapse at the end of the year: 22 November is more than 30 days before.
    expect(await queuePointsExpiryNotices(f.deps.db, f.clock, f.chainId)).toBe(0);
    noonOf('2026-12-10');
    const points = await poolPoints(wang);
    expect(points).toBeGreaterThan(0);
    const runs = await Promise.all([0, 1, 2].map(() => queuePointsExpiryNotices(f.deps.db, f.clock, f.chainId)));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await queuePointsExpiryNotices(f.deps.db, f.clock, f.chainId)).toBe(0);
    const told = await f.deps.db.select().from(memberMessages).where(eq(memberMessages.kind, 'points_expiring'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      memberId: wang, dedupeKey: `points_expiring:${wang}:2026-12-31`, facts: { kind: 'points_expiring', points, expiresOn: '2026-12-31' },
      text: `【会员中心】您有${points}积分将于12月31日到期清零，请及时使用。`,
    });
    // The next day the same points are already announced.
    noonOf('2026-12-11');
    expect(await queuePointsExpiryNotices(f.deps.db, f.clock, f.chainId)).toBe(0);
    expect(await messagesOf(child.id)).toEqual([]);
  });

  it('tells no member who did not consent, and nothing while the chain does not send the kind', async () => {
    noonOf('2026-11-22');
    await buy(li);
    expect(await poolPoints(li)).toBeGreaterThan(0);
    noonOf('2026-12-10');
    expect(await queuePointsExpiryNotices(f.deps.db, f.clock, f.chainId)).toBe(0);
    await setConsent(li, true);
    await enableKinds(['birthday', 'care_reminder']);
    expect(await queuePointsExpiryNotices(f.deps.db, f.clock, f.chainId)).toBe(0);
    expect(await messagesOf(li)).toEqual([]);
  });
});

describe('care reminders', () => {
  const lastPurchase = async (id: string) => (await f.deps.db.select({ day: max(sales.businessDate) }).from(sales).where(and(eq(sales.chainId, f.chainId), eq(sales.memberId, id))))[0]!.day;
  const careOf = async (id: string) => (await messagesOf(id)).filter((m) => m.kind === 'care_reminder').map((m) => m.dedupeKey).sort();

  it('shows in the demo chain: three members who joined months ago and never came back are reminded', () => {
    expect(seededCare).toHaveLength(3);
    expect(seededCare.every((m) => m.status === 'pending' && m.text.includes('好久不见！您已7个月未到店'))).toBe(true);
  });

  it('reminds a member who never bought the care months after they joined, and none while the chain does not send them', async () => {
    const [newcomer] = await f.deps.db.select({ id: members.id, name: members.name }).from(members)
      .leftJoin(sales, and(eq(sales.chainId, members.chainId), eq(sales.memberId, members.id)))
      .where(and(eq(members.chainId, f.chainId), eq(members.active, true), isNull(sales.id), sql`${members.phone} is not null`, isNull(members.parentMemberId), gte(members.createdAt, new Date('2026-11-22T00:00:00Z'))))
      .orderBy(members.id).limit(1);
    await setConsent(newcomer!.id, true);
    // Demo members joined on the day of the seed.
    noonOf(addMonths('2026-11-22', 6));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(0);
    await enableKinds(['care_reminder']);
    noonOf(addDays(addMonths('2026-11-22', 6), -1));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(0);
    noonOf(addMonths('2026-11-22', 6));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(1);
    const [reminder] = await messagesOf(newcomer!.id);
    expect(reminder).toMatchObject({ kind: 'care_reminder', dedupeKey: `care_reminder:${newcomer!.id}:2026-11-22`, text: `【会员中心】${newcomer!.name}，好久不见！您已6个月未到店，新品与优惠等您来。拒收请回复R` });
  });

  it('reminds once per absence from the last purchase, and again only after a new purchase and a new absence', async () => {
    await setConsent(li, true);
    await enableKinds(['care_reminder']);
    noonOf('2027-01-15');
    await buy(li);
    const bought = (await lastPurchase(li))!;
    expect(bought).toBe('2027-01-15');
    noonOf(addDays(addMonths(bought, 6), -1));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(0);
    noonOf(addMonths(bought, 6));
    expect(await Promise.all([queueCareReminders(f.deps.db, f.clock, f.chainId), queueCareReminders(f.deps.db, f.clock, f.chainId)])).toContain(1);
    noonOf(addMonths(bought, 9));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(0);
    expect(await careOf(li)).toEqual([`care_reminder:${li}:${bought}`]);
    expect((await messagesOf(li))[0]!.text).toContain('李静，好久不见！您已6个月未到店');

    await buy(li);
    const again = (await lastPurchase(li))!;
    expect(again).toBe(addMonths(bought, 9));
    noonOf(addDays(addMonths(again, 6), -1));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(0);
    noonOf(addMonths(again, 6));
    expect(await queueCareReminders(f.deps.db, f.clock, f.chainId)).toBe(1);
    expect(await careOf(li)).toEqual([`care_reminder:${li}:${bought}`, `care_reminder:${li}:${again}`].sort());
  });

  it('is queued and sent by HQ’s message schedule, and a second round within the hour queues nothing more', async () => {
    await setConsent(li, true);
    await enableKinds(['care_reminder']);
    noonOf(addMonths((await lastPurchase(li))!, 7));
    const provider = recordingProvider();
    const lines: string[] = [];
    const schedule = startMessageSchedule(f.deps.db, f.clock, provider, 3_600_000, (line) => lines.push(line));
    try {
      await schedule.runOnce();
      expect(provider.sent).toEqual([{ to: '13987654321', text: expect.stringContaining('李静，好久不见！您已7个月未到店') }]);
      await f.deps.db.delete(memberMessages);
      await schedule.runOnce();
      expect(provider.sent).toHaveLength(1);
    } finally {
      schedule.stop();
    }
    expect(lines).toEqual(['[hq] member messages: 1 greetings and reminders queued', '[hq] member messages: 1 sent, 0 to try again, 0 failed']);
  });
});

describe('the office', () => {
  // The tests above moved the clock on by days: a new sign-in each.
  beforeAll(async () => {
    hq = await signInOffice(f, 'hq@demo.pos');
    east = await signInOffice(f, 'east@demo.pos');
  });

  it('lists the messages with the phone masked, by status and kind, to HQ only', async () => {
    await setConsent(wang, true);
    await queueMemberMessage(f.deps.db, f.clock, f.chainId, wang, topUpFacts, 'top_up:o1');
    await queueMemberMessage(f.deps.db, f.clock, f.chainId, wang, { kind: 'birthday', name: '王小明' }, 'birthday:o1');
    const res = await f.app.request('/member-messages?kind=top_up', bearer(hq));
    expect(res.status).toBe(200);
    const list = MemberMessageList.parse(await res.json());
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ memberId: wang, memberName: '王小明', phoneMasked: '138****5678', kind: 'top_up', status: 'pending' });
    expect(JSON.stringify(list)).not.toContain('13812345678');
    expect(MemberMessageList.parse(await (await f.app.request('/member-messages?q=5678', bearer(hq))).json()).total).toBe(2);
    expect((await f.app.request('/member-messages', bearer(east))).status).toBe(403);
    expect((await f.app.request('/settings/member-messages', { ...json(defaultMemberMessageSettings, east), method: 'PUT' })).status).toBe(403);
  });

  it('saves the settings, and refuses bad ones changing nothing', async () => {
    const wanted: MemberMessageSettings = { enabledKinds: ['spend', 'care_reminder'], signature: '好邻居便利', lowBalanceBelowMinor: 1_000, careAfterMonths: 9, pointsExpiryNoticeDays: 14 };
    expect((await f.app.request('/settings/member-messages', { ...json(wanted, hq), method: 'PUT' })).status).toBe(200);
    for (const bad of [{ ...wanted, enabledKinds: ['spend', 'spend'] }, { ...wanted, enabledKinds: ['sms'] }, { ...wanted, signature: 'x' }, { ...wanted, careAfterMonths: 0 }, { ...wanted, extra: 1 }]) {
      const refused = await f.app.request('/settings/member-messages', { ...json(bad, hq), method: 'PUT' });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    expect(MemberMessageSettings.parse(await (await f.app.request('/settings/member-messages', bearer(hq))).json())).toEqual(wanted);
  });
});
