import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { memberCards } from '@pos/hq-server/members/membership.tables';
import { clerks } from '@pos/hq-server/org/org.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { suppliers } from '@pos/hq-server/suppliers/suppliers.tables';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, signInOffice, testClock, type Fixture } from '../support/fixture';
import { exported, imported, postImport, refused } from '../support/imports';
import { createMemberLevel } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(testClock('2026-11-22T04:00:00Z'), 20));
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  await createMemberLevel(f, hq, 'VIP');
});
afterAll(() => database.close());

const clerk = async (code: string) => (await f.deps.db.select().from(clerks).where(and(eq(clerks.chainId, f.chainId), eq(clerks.code, code))))[0];
const clerkCount = async () => (await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(clerks))[0]!.n;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('importing clerks', () => {
  it('lets a franchisee import clerks of their own stores only, and reports any other store the same whether it exists or not', async () => {
    const before = await clerkCount();
    const report = await refused(await postImport(f, east, 'clerks', '工号,姓名,岗位,门店编码,密码\nE-1,张三,收银员,S004,1234\nE-2,李四,cashier,S006,1234\nE-3,王五,cashier,S999,1234\nE-4,赵六,cashier,,1234'));
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, 'store', 'OUT_OF_SCOPE'], [4, 'store', 'OUT_OF_SCOPE'], [5, 'store', 'REQUIRED']]);
    expect(await clerkCount()).toBe(before);
    const done = await imported(await postImport(f, east, 'clerks', 'code,name,role,store,pin,badge\nE-1,张三,收银员,S004,1234,B-E-1\nE-5,孙七,店长,S005,5678,'));
    expect(done).toMatchObject({ created: 2, updated: 0 });
    expect(await clerk('E-5')).toMatchObject({ role: 'store_manager', storeId: f.storeIds.S005, active: true });
    expect((await clerk('E-1'))!.pinHash).not.toBe('');
  });

  it('refuses a franchisee a clerk number held in another franchisee’s store, and a new clerk without a PIN', async () => {
    const westClerk = (await f.deps.db.select().from(clerks).where(and(eq(clerks.chainId, f.chainId), eq(clerks.storeId, f.storeIds.S006!))))[0]!;
    const report = await refused(await postImport(f, east, 'clerks', `code,name,store,pin\n${westClerk.code},Taken,S004,1234\nE-9,New,S004,`));
    expect(report.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'code', code: 'OUT_OF_SCOPE' }),
      expect.objectContaining({ row: 3, column: 'pin', code: 'REQUIRED' }),
    ]);
    expect(await clerk(westClerk.code)).toMatchObject({ name: westClerk.name, storeId: f.storeIds.S006 });
  });

  it('exports to a franchisee only their stores’ clerks, never a PIN, and keeps a PIN left empty on re-import', async () => {
    const mine = text(await exported(f, east, 'clerks'));
    expect(mine).toContain('E-1,张三,cashier,S004,B-E-1,,,yes');
    expect(mine).not.toMatch(/,S00[1236-9],/);
    const pinBefore = (await clerk('E-1'))!.pinHash;
    expect(await imported(await postImport(f, east, 'clerks', mine))).toMatchObject({ created: 0 });
    expect((await clerk('E-1'))!.pinHash).toBe(pinBefore);
    expect(text(await exported(f, hq, 'clerks'))).toMatch(/,S006,/);
  });

  it('ends the sessions of a clerk deactivated by import', async () => {
    expect(await imported(await postImport(f, hq, 'clerks', 'code,name,store,active\nE-5,孙七,S005,否'))).toMatchObject({ updated: 1 });
    expect(await clerk('E-5')).toMatchObject({ active: false });
  });
});

describe('importing members and suppliers', () => {
  it('imports members by card number with their level, refusing a phone another active member has', async () => {
    const csv = '卡号,姓名,手机号,会员级别编码,生日\n880000000013,陈一,+86 138-0013-8001,VIP,05-20\n880000000021,陈二,13800138002,VIP,1990-02-29';
    const bad = await refused(await postImport(f, hq, 'members', csv));
    expect(bad.issues).toEqual([expect.objectContaining({ row: 3, column: 'birthday', code: 'INVALID', expected: 'birthday' })]);
    expect(await imported(await postImport(f, hq, 'members', csv.replace('1990-02-29', '1992-02-29')))).toMatchObject({ created: 2 });
    const [one] = await f.deps.db.select({ phone: members.phone, birthday: members.birthday, active: members.active, status: memberCards.status }).from(members)
      .innerJoin(memberCards, and(eq(memberCards.chainId, members.chainId), eq(memberCards.memberId, members.id))).where(eq(memberCards.cardNo, '880000000013'));
    expect(one).toMatchObject({ phone: '13800138001', birthday: '05-20', active: true, status: 'active' });
    const taken = await refused(await postImport(f, hq, 'members', 'card_no,name,phone,level\n880000000039,陈三,13800138001,VIP\n880000000013,陈一,13800138001,NOPE'));
    expect(taken.issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, 'phone', 'TAKEN'], [3, 'phone', 'DUPLICATE_IN_FILE'], [3, 'level', 'UNKNOWN_REFERENCE']]);
    const again = await imported(await postImport(f, hq, 'members', text(await exported(f, hq, 'members'))));
    expect(again).toMatchObject({ created: 0, updated: 0 });
  });

  it('imports suppliers from .xlsx and updates them by code', async () => {
    const template = await exported(f, hq, 'suppliers', 'template=true&format=xlsx&lang=zh-CN');
    expect((await refused(await postImport(f, hq, 'suppliers', template, { xlsx: true }))).issues[0]).toMatchObject({ code: 'NO_ROWS' });
    expect(await imported(await postImport(f, hq, 'suppliers', 'code,name,settlement\nSUP1,华东食品,月结\nSUP2,West Foods,on_delivery'))).toMatchObject({ created: 2 });
    const held = await f.deps.db.$count(suppliers, eq(suppliers.chainId, f.chainId));
    const xlsx = await exported(f, hq, 'suppliers', 'format=xlsx');
    // The demo chain's own suppliers come back too, all unchanged.
    expect(await imported(await postImport(f, hq, 'suppliers', xlsx, { xlsx: true }))).toMatchObject({ created: 0, updated: 0, unchanged: held });
    const audits = await f.deps.db.select().from(auditEntries).where(eq(auditEntries.entity, 'import'));
    expect(audits.length).toBeGreaterThan(3);
    expect((await f.deps.db.select().from(suppliers).where(eq(suppliers.code, 'SUP1')))[0]).toMatchObject({ settlement: 'monthly', active: true });
  });
});
