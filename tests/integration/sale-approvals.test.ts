import { randomBytes } from 'node:crypto';
import { permissionRoles } from '@pos/hq-server/roles/roles.tables';
import { saleApprovals } from '@pos/hq-server/sales/sales.tables';
import { clerks } from '@pos/hq-server/org/org.tables';
import { ApprovalList, PullResponse, PushResponse, defaultTillPermissions, uuidv7, type PairedDevice, type Sale } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
});
afterAll(() => database.close());

const newId = () => uuidv7(f.deps.clock().getTime(), randomBytes(10));

/** A sale by cashier 0012 of S001 with overrides approved by manager 0011 (or whoever `approvedBy` names). */
function saleWithApprovals(approvedBy = f.clerkIds['0011']!, requestedBy = f.clerkIds['0012']!): Sale {
  const sale = makeSale(f, till, '0012', { lines: 2 });
  const at = f.deps.clock().toISOString();
  sale.approvals = [
    { id: newId(), key: 'line_discount', lineId: sale.lines[0]!.id, requestedBy, approvedBy, at },
    { id: newId(), key: 'void_line', lineId: null, requestedBy, approvedBy, at },
  ];
  return sale;
}

async function push(documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

const storedFor = (saleId: string) => f.deps.db.select().from(saleApprovals).where(and(eq(saleApprovals.chainId, f.chainId), eq(saleApprovals.saleId, saleId)));

describe('manager approvals on pushed sales', () => {
  it('stores each approval once with its sale, however often the sale is pushed', async () => {
    const sale = saleWithApprovals();
    expect((await push([sale])).map((r) => r.status)).toEqual(['accepted']);
    expect((await push([sale])).map((r) => r.status)).toEqual(['duplicate']);
    const stored = await storedFor(sale.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((a) => a.key === 'line_discount')).toMatchObject({ lineId: sale.lines[0]!.id, requestedBy: f.clerkIds['0012'], approvedBy: f.clerkIds['0011'], storeId: till.store.id });
  });

  it("takes an old till's sale without approvals", async () => {
    const { approvals: _none, ...old } = makeSale(f, till, '0012', { lines: 1 });
    expect((await push([old])).map((r) => r.status)).toEqual(['accepted']);
  });

  it('rejects, per document, an approver of another store or unknown, and a request by someone not on the sale', async () => {
    const good = saleWithApprovals();
    const otherStore = saleWithApprovals(f.clerkIds['0021']!);
    const unknown = saleWithApprovals(newId());
    const stranger = saleWithApprovals(f.clerkIds['0011']!, f.clerkIds['0013']!);
    const results = await push([good, otherStore, unknown, stranger]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected']);
    expect(JSON.stringify(results[1]!.reason)).toContain('unknown approver');
    expect(JSON.stringify(results[3]!.reason)).toContain('not the sale');
    for (const bad of [otherStore, unknown, stranger]) expect(await storedFor(bad.id)).toHaveLength(0);
  });

  it('accepts an approver who has since been deactivated: the till approved offline while they worked here', async () => {
    await f.deps.db.update(clerks).set({ active: false }).where(and(eq(clerks.chainId, f.chainId), eq(clerks.code, '0013')));
    const sale = saleWithApprovals(f.clerkIds['0013']!);
    expect((await push([sale])).map((r) => r.status)).toEqual(['accepted']);
    await f.deps.db.update(clerks).set({ active: true }).where(and(eq(clerks.chainId, f.chainId), eq(clerks.code, '0013')));
  });

  it('lists who approved what for the stores in scope, paged', async () => {
    const hq = await signInOffice(f, 'hq@demo.pos');
    const day = f.deps.clock().toISOString().slice(0, 10);
    const res = await f.app.request(`/sales/approvals?from=${day}&to=${day}&limit=2&offset=0&key=line_discount`, bearer(hq));
    expect(res.status).toBe(200);
    const page = ApprovalList.parse(await res.json());
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ key: 'line_discount', storeCode: 'S001', requestedBy: { code: '0012' } });
    expect(page.items[0]!.lineName).not.toBeNull();

    const east = await signInOffice(f, 'east@demo.pos');
    const theirs = ApprovalList.parse(await (await f.app.request(`/sales/approvals?from=${day}&to=${day}`, bearer(east))).json());
    expect(theirs.items.every((a) => a.storeCode !== 'S001')).toBe(true);
    const refused = await f.app.request(`/sales/approvals?storeId=${till.store.id}`, bearer(east));
    expect(refused.status).toBe(404);
    expect((await f.app.request('/sales/approvals?key=open_safe', bearer(hq))).status).toBe(400);
  });
});

describe('till roles in the pull', () => {
  it("carries the chain's till roles (not office roles) and each clerk's badge and role", async () => {
    const roleId = newId();
    const permissions = { ...defaultTillPermissions('cashier'), lineDiscountLimitBp: 1000 };
    const updatedAt = f.deps.clock();
    await f.deps.db.insert(permissionRoles).values([
      { chainId: f.chainId, id: roleId, kind: 'till', code: 'T-CASHIER', nameZh: '收银员', nameEn: 'Cashier', permissions, updatedAt },
      { chainId: f.chainId, id: newId(), kind: 'office', code: 'O-BUYER', nameZh: '采购', nameEn: 'Buyer', permissions: {}, updatedAt },
    ]);
    await f.deps.db.update(clerks).set({ badgeCode: 'EMP-0012', permissionRoleId: roleId }).where(and(eq(clerks.chainId, f.chainId), eq(clerks.code, '0012')));
    const res = await f.app.request('/sync/pull?cursor=0&limit=5000', bearer(till.deviceToken));
    const { changes } = PullResponse.parse(await res.json());
    const roles = changes.filter((c) => c.entity === 'till_role');
    // The demo chain's till roles and this one; never an office role.
    expect(roles).toContainEqual(expect.objectContaining({ data: { id: roleId, code: 'T-CASHIER', nameZh: '收银员', nameEn: 'Cashier', permissions, active: true } }));
    const tillRoleCodes = await f.deps.db.select({ code: permissionRoles.code }).from(permissionRoles).where(and(eq(permissionRoles.chainId, f.chainId), eq(permissionRoles.kind, 'till')));
    expect(roles.map((r) => r.entity === 'till_role' && r.data.code).sort()).toEqual(tillRoleCodes.map((r) => r.code).sort());
    const clerk = changes.find((c) => c.entity === 'clerk' && c.data.code === '0012');
    expect(clerk?.data).toMatchObject({ badgeCode: 'EMP-0012', permissionRoleId: roleId });
  });
});
