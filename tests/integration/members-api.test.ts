import { newId } from '@pos/hq-server/ids';
import { chains } from '@pos/hq-server/org/org.tables';
import { memberCards } from '@pos/hq-server/members/membership.tables';
import { memberLevels, members } from '@pos/hq-server/pricing/pricing.tables';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { FoundMember, MemberList, MemberRecord, withCheckDigit, type PairedDevice } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let hq: string;
let manager: string;
let east: string;
let levels: Record<string, string>;
const clock = testClock('2026-11-22T04:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
  till = await pairTill(f, 'S001');
  [hq, manager, east] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 's001@demo.pos'), signInOffice(f, 'east@demo.pos')]);
  const rows = await f.deps.db.select().from(memberLevels).where(eq(memberLevels.chainId, f.chainId));
  levels = Object.fromEntries(rows.map((l) => [l.code, l.id]));
});
afterAll(() => database.close());

const lookup = (code: string, token = till.deviceToken) => f.app.request(`/members/lookup?code=${encodeURIComponent(code)}`, bearer(token));
const search = (query: string, token = hq) => f.app.request(`/members?${query}`, bearer(token));
const enrol = (body: unknown, token = hq) => f.app.request('/members', json(body, token));
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; details?: { path: string; message: string }[] } }).error;
const memberCount = async () => (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(members))[0]!.n;

/** A member and their card put straight into the tables, as another system or another chain would have them. */
async function insertMember(chainId: string, levelId: string, { cardNo, ...values }: { cardNo: string; phone: string | null; active?: boolean }) {
  const id = newId(clock);
  await f.deps.db.transaction(async (tx) => {
    await tx.insert(members).values({ chainId, id, accountId: id, name: '测试会员', levelId, birthday: null, createdAt: clock(), ...values });
    await tx.insert(memberCards).values({ chainId, id, cardNo, memberId: id, status: values.active === false ? 'cancelled' : 'active', issuedAt: clock(), statusChangedAt: clock() });
  });
}

/** Test card numbers: the digits given and their check digit. */
const card = (body: string) => withCheckDigit(body);
const [gold, silver] = [demoCardNo(1), demoCardNo(2)];

describe('member look-up', () => {
  it('finds a demo member by card number from a till, with the phone masked', async () => {
    const res = await lookup(gold);
    expect(res.status).toBe(200);
    expect(FoundMember.parse(await res.json())).toEqual({
      id: expect.any(String), cardNo: gold, name: '王小明', phoneMasked: '138****5678',
      level: { id: levels.GOLD_CARD, code: 'GOLD_CARD', nameZh: '金卡会员', nameEn: 'Gold card' }, birthday: '1988-06-15',
    });
  });

  it('finds the same member by mobile number however it is written, and answers office sessions too', async () => {
    const byCard = FoundMember.parse(await (await lookup(silver)).json());
    for (const phone of ['13987654321', '139 8765 4321', '+86 139-8765-4321']) {
      expect(FoundMember.parse(await (await lookup(phone)).json()).id).toBe(byCard.id);
    }
    expect(FoundMember.parse(await (await lookup('13987654321', manager)).json()).id).toBe(byCard.id);
  });

  it('prefers the member whose card it is over one with that phone, and the database lets no two active members share a phone', async () => {
    // 13700001103 is a mobile number and, by its check digit, a card number too.
    await insertMember(f.chainId, levels.BASIC!, { cardNo: '13700001103', phone: null });
    await insertMember(f.chainId, levels.SILVER_CARD!, { cardNo: card('9999000'), phone: '13700001103' });
    expect(FoundMember.parse(await (await lookup('13700001103')).json()).cardNo).toBe('13700001103');
    await insertMember(f.chainId, levels.BASIC!, { cardNo: card('9999001'), phone: '13600002222' });
    await expect(insertMember(f.chainId, levels.BASIC!, { cardNo: card('9999002'), phone: '13600002222' })).rejects.toThrow();
    await insertMember(f.chainId, levels.BASIC!, { cardNo: card('9999002'), phone: '13600002222', active: false });
    expect(FoundMember.parse(await (await lookup('13600002222')).json()).cardNo).toBe(card('9999001'));
  });

  it('answers 404 for an unknown card, an inactive member and another chain’s member', async () => {
    const other = newId(clock);
    await f.deps.db.insert(chains).values({ id: other, code: 'OTHER', name: 'Other chain', currency: 'CNY', timeZone: 'Asia/Shanghai', createdAt: clock() });
    const otherLevel = newId(clock);
    await f.deps.db.insert(memberLevels).values({ chainId: other, id: otherLevel, code: 'GOLD_CARD', nameZh: '金卡', nameEn: 'Gold' });
    await insertMember(other, otherLevel, { cardNo: card('7777000'), phone: '13511112222' });
    await insertMember(f.chainId, levels.BASIC!, { cardNo: card('9999003'), phone: '13522223333', active: false });
    for (const code of [card('8888999'), card('7777000'), '13511112222', card('9999003'), '13522223333']) {
      const res = await lookup(code);
      expect(res.status, code).toBe(404);
      expect(await errorOf(res)).toMatchObject({ code: 'NOT_FOUND', message: 'no active member has this card number or mobile number' });
    }
  });

  it('refuses a malformed code and a mistyped card number with 400 and a caller without a token with 401', async () => {
    for (const code of ['12345', 'abc', '8'.repeat(20), '', '888800019', '888800081']) {
      const res = await lookup(code);
      expect(res.status, code).toBe(400);
      expect((await errorOf(res)).details?.[0]?.path).toBe('code');
    }
    expect((await errorOf(await lookup('888800019'))).details?.[0]?.message).toMatch(/check digit/);
    expect((await f.app.request('/members/lookup')).status).toBe(401);
  });

  it('limits a till to 30 look-ups a minute', async () => {
    const busy = await pairTill(f, 'S002');
    for (let i = 0; i < 30; i++) expect((await lookup(demoCardNo(i + 1), busy.deviceToken)).status).not.toBe(429);
    const limited = await lookup(gold, busy.deviceToken);
    expect(limited.status).toBe(429);
    expect((await lookup(gold)).status).toBe(200);
    clock.advance(60_000);
    expect((await lookup(gold, busy.deviceToken)).status).toBe(200);
  });
});

describe('office member search', () => {
  it('pages through members by card number', async () => {
    const first = MemberList.parse(await (await search('q=888800&limit=5')).json());
    expect(first.items.map((m) => m.cardNo)).toEqual([1, 2, 3, 4, 5].map(demoCardNo));
    expect(first.total).toBe(99);
    const next = MemberList.parse(await (await search('q=888800&limit=5&offset=5')).json());
    expect(next.items[0]!.cardNo).toBe(demoCardNo(6));
  });

  it('finds by name, by the whole phone and by its last four digits, for any office user, and includes inactive members', async () => {
    expect(MemberList.parse(await (await search(`q=${encodeURIComponent('王小明')}`, manager)).json()).items.map((m) => m.cardNo)).toContain(gold);
    expect(MemberList.parse(await (await search('q=4321', east)).json()).items.map((m) => m.cardNo)).toContain(silver);
    expect(MemberList.parse(await (await search(`q=${encodeURIComponent('139 8765 4321')}`, east)).json()).items.map((m) => m.cardNo)).toEqual([silver]);
    const inactive = MemberList.parse(await (await search(`q=${card('9999003')}`)).json()).items;
    expect(inactive).toMatchObject([{ cardNo: null, active: false, phoneMasked: '135****3333' }]);
  });

  it('refuses a limit over 100, control characters and till devices', async () => {
    expect((await search('limit=101')).status).toBe(400);
    const nul = await search('q=%00');
    expect(nul.status).toBe(400);
    expect((await errorOf(nul)).details?.[0]?.path).toBe('q');
    expect((await search('q=8888', till.deviceToken)).status).toBe(403);
  });
});

describe('enrolling a member', () => {
  const body = (over: Record<string, unknown> = {}) => ({ cardNo: card('6666000'), name: ' 赵新 ', phone: '+86 186 0000 7777', levelId: levels.SILVER_CARD, birthday: '05-20', ...over });

  it('enrols a member the till can then look up by card and phone', async () => {
    const res = await enrol(body());
    expect(res.status).toBe(201);
    expect(MemberRecord.parse(await res.json())).toMatchObject({ cardNo: card('6666000'), name: '赵新', phoneMasked: '186****7777', level: { code: 'SILVER_CARD' }, birthday: '05-20', active: true });
    expect(FoundMember.parse(await (await lookup('18600007777')).json()).cardNo).toBe(card('6666000'));
  });

  it('refuses bad input, an unknown level, a taken card or phone and other roles, and changes nothing', async () => {
    const before = await memberCount();
    const invalid = await enrol(body({ cardNo: '12', name: '', phone: '12345', birthday: '02-30' }));
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).details?.map((d) => d.path).sort()).toEqual(['birthday', 'cardNo', 'name', 'phone']);

    const unknownLevel = '0195505c-0000-7000-8000-00000000dead';
    const noLevel = await enrol(body({ cardNo: card('6666001'), phone: null, levelId: unknownLevel }));
    expect(noLevel.status).toBe(400);
    expect(await errorOf(noLevel)).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(unknownLevel), details: [{ path: 'levelId' }] });
    await f.deps.db.update(memberLevels).set({ active: false }).where(and(eq(memberLevels.chainId, f.chainId), eq(memberLevels.code, 'BASIC')));
    const retired = await enrol(body({ cardNo: card('6666001'), phone: null, levelId: levels.BASIC }));
    await f.deps.db.update(memberLevels).set({ active: true }).where(and(eq(memberLevels.chainId, f.chainId), eq(memberLevels.code, 'BASIC')));
    expect(await errorOf(retired)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'levelId' }] });

    const takenCard = await enrol(body({ cardNo: gold, phone: null }));
    expect(takenCard.status).toBe(409);
    expect((await errorOf(takenCard)).details).toEqual([{ path: 'cardNo', message: 'already issued' }]);
    const takenPhone = await enrol(body({ cardNo: card('6666002'), phone: '13812345678' }));
    expect(takenPhone.status).toBe(409);
    expect((await errorOf(takenPhone)).details?.[0]?.path).toBe('phone');

    expect((await enrol(body({ cardNo: card('6666003') }), east)).status).toBe(403);
    expect((await enrol(body({ cardNo: card('6666003') }), till.deviceToken)).status).toBe(403);
    expect(await memberCount()).toBe(before);
  });
});

describe('masked phone numbers', () => {
  it('cannot be uncovered digit by digit through search', async () => {
    clock.advance(3_600_000);
    const masked = '138****5678';
    let known = '138';
    for (let position = 3; position < 7; position++) {
      clock.advance(60_000);
      for (let digit = 0; digit < 10; digit++) {
        const res = await search(`q=${known}${digit}`);
        expect(res.status).toBe(200);
        if (MemberList.parse(await res.json()).items.some((m) => m.phoneMasked === masked && m.cardNo === gold)) {
          known += String(digit);
          break;
        }
      }
    }
    expect(known).toBe('138');
  });

  it('limits each office user to 30 searches a minute and 300 an hour', async () => {
    clock.advance(3_600_000);
    for (let i = 0; i < 30; i++) expect((await search('q=5678', manager)).status).toBe(200);
    const limited = await search('q=5678', manager);
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe('RATE_LIMITED');
    expect((await search('q=5678', east)).status).toBe(200);
    for (let minute = 1; minute < 10; minute++) {
      clock.advance(60_000);
      for (let i = 0; i < 30; i++) expect((await search('q=5678', manager)).status).toBe(200);
    }
    clock.advance(60_000);
    expect((await search('q=5678', manager)).status).toBe(429);
    clock.advance(3_600_000);
    expect((await search('q=5678', manager)).status).toBe(200);
  });
});

describe('enrolling one phone at once', () => {
  it('enrols one of eight racing enrolments with the same phone and answers the rest 409', async () => {
    const statuses = await Promise.all(Array.from({ length: 8 }, async (_, i) =>
      (await enrol({ cardNo: card(`5555000${i}`), name: '并发', phone: '13344445555', levelId: levels.BASIC, birthday: null })).status));
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const [row] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(members).where(eq(members.phone, '13344445555'));
    expect(row!.n).toBe(1);
  });
});
