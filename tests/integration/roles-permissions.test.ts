import { reportOutputs } from '@pos/hq-server/roles/roles.tables';
import { defaultOfficePermissions, defaultTillPermissions, OfficeSession, OfficeSessionState, PermissionRole, PermissionRolePage, type OfficePermissions } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import { auditOf, get, send, signInWith } from '../support/people';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const cashierLevel = defaultOfficePermissions('cashier');
const none: OfficePermissions = { ...cashierLevel, modules: { ...cashierLevel.modules, reports: 'none' } };
const officeRole = (code: string, permissions: OfficePermissions) => ({ kind: 'office', code, nameZh: '测试', nameEn: 'Test', permissions });

async function makeRole(body: unknown): Promise<PermissionRole> {
  const res = await f.app.request('/roles', json(body, hq));
  expect(res.status).toBe(201);
  return PermissionRole.parse(await res.json());
}

/** A new HQ-level user holding `roleId`, signed in. */
async function userWithRole(email: string, roleId: string): Promise<string> {
  const made = await f.app.request('/users', json({ email, name: 'Role Test', level: 'hq_admin', permissionRoleId: roleId, password: 'start1234' }, hq));
  expect(made.status).toBe(201);
  return OfficeSession.parse(await (await signInWith(f, email, 'start1234')).json()).token;
}

describe('roles and permissions', () => {
  it('lists the seeded office and till roles, filtered by kind', async () => {
    const till = PermissionRolePage.parse(await (await get(f, '/roles?kind=till&sort=code', hq)).json());
    expect(till.items.map((r) => r.code)).toEqual(['cashier', 'senior-cashier', 'till-store-manager']);
    const cashier = till.items[0]!;
    expect(cashier.kind === 'till' && cashier.permissions).toMatchObject({ keys: { refund: 'manager_pin', no_sale: 'forbidden' }, lineDiscountLimitBp: 500 });
    expect(cashier.inUse).toBeGreaterThan(0);
    const office = PermissionRolePage.parse(await (await get(f, '/roles?kind=office', hq)).json());
    expect(office.items.map((r) => r.code)).toContain('finance');
  });

  it('a view-only role reads people but is refused any change with MODULE_FORBIDDEN; the session carries its permissions', async () => {
    const role = await makeRole(officeRole('people-view', { ...none, modules: { ...none.modules, people: 'view' } }));
    const token = await userWithRole('viewer@demo.pos', role.id);
    const session = OfficeSessionState.parse(await (await get(f, '/auth/office/session', token)).json());
    expect(session.permissions.modules).toMatchObject({ people: 'view', prices: 'none' });
    expect((await get(f, '/users', token)).status).toBe(200);
    const refused = await f.app.request(`/clerks/${f.clerkIds['0012']}/pin`, json({ pin: '1111' }, token));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'MODULE_FORBIDDEN' } });
    expect((await get(f, '/pricing/discrepancies', token)).status).toBe(403);
    expect((await f.app.request('/pricing/prices', json({ productId: f.catalog[0]!.id, storeId: null, amountMinor: 100, effectiveFrom: '2027-01-01T00:00:00.000Z' }, token))).status).toBe(403);
    expect((await get(f, '/reports/store-day?from=2026-11-01&to=2026-11-02', token)).status).toBe(403);
  });

  it('a role that only views master data reads it but may not change products, brands, categories, suppliers, stores, regions or imports', async () => {
    const modules = { ...none.modules, catalog: 'view', suppliers: 'view', organisation: 'view', imports: 'view', audit: 'none' } as const;
    const role = await makeRole(officeRole('master-view', { ...none, modules }));
    const token = await userWithRole('master-viewer@demo.pos', role.id);
    const changes: [string, string, unknown][] = [
      ['POST', '/brands', { code: 'NOPE', nameZh: '不行', nameEn: 'Nope' }],
      ['POST', '/categories', { code: 'NOPE', nameZh: '不行', nameEn: 'Nope', parentId: null }],
      ['POST', `/products/${f.catalog[0]!.id}/deactivate`, {}],
      ['POST', '/suppliers', { code: 'NOPE', name: 'Nope', settlement: 'monthly' }],
      ['POST', '/regions', { code: 'NOPE', nameZh: '不行', nameEn: 'Nope', parentId: null }],
      ['PATCH', `/stores/${f.storeIds.S001}`, { nameEn: 'Nope' }],
    ];
    for (const [method, path, body] of changes) {
      const res = await f.app.request(path, { ...json(body, token), method });
      expect([method, path, res.status]).toEqual([method, path, 403]);
      expect(await res.json()).toMatchObject({ error: { code: 'MODULE_FORBIDDEN' } });
    }
    expect((await get(f, '/suppliers', token)).status).toBe(200);
    expect((await get(f, '/regions', token)).status).toBe(200);
    expect((await get(f, '/exports/products', token)).status).toBe(200);
    const imported = await f.app.request('/imports/suppliers', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: 'code,name\n' });
    expect(imported.status).toBe(403);
    expect((await get(f, '/audit', token)).status).toBe(403);
  });

  it('HQ creates and edits a till role with audit entries; its kind cannot change and a held role cannot be deactivated', async () => {
    const permissions = { ...defaultTillPermissions('cashier'), keys: { ...defaultTillPermissions('cashier').keys, refund: 'manager_pin', no_sale: 'forbidden' }, lineDiscountLimitBp: 300 };
    const role = await makeRole({ kind: 'till', code: 'strict', nameZh: '严格收银', nameEn: 'Strict cashier', permissions });
    f.clock.advance(1000);
    const body = { kind: 'till', code: 'strict', nameZh: '严格收银', nameEn: 'Strict cashier', permissions: { ...permissions, lineDiscountLimitBp: 200 } };
    expect((await f.app.request(`/roles/${role.id}`, send('PUT', body, hq))).status).toBe(200);
    expect((await f.app.request(`/roles/${role.id}`, send('PUT', { ...body, kind: 'office', permissions: none }, hq))).status).toBe(409);
    expect((await f.app.request('/roles', json({ ...body, code: 'bad', permissions: { ...permissions, lineDiscountLimitBp: 20_000 } }, hq))).status).toBe(400);
    expect((await f.app.request('/roles', json({ ...body, code: 'strict' }, hq))).status).toBe(409);
    const clerk = { code: '0012', name: '王芳', storeId: f.storeIds.S001, role: 'cashier', badgeCode: '88000012', commissionGrade: 'B', permissionRoleId: role.id };
    expect((await f.app.request(`/clerks/${f.clerkIds['0012']}`, send('PUT', clerk, hq))).status).toBe(200);
    expect((await f.app.request(`/roles/${role.id}`, send('PUT', { ...body, active: false }, hq))).status).toBe(409);
    const entries = await auditOf(f, role.id);
    expect(entries.map((e) => [e.entity, e.action])).toEqual([['permission_role', 'create'], ['permission_role', 'update']]);
    expect(entries[1]!.after).toMatchObject({ permissions: { lineDiscountLimitBp: 200 } });
  });

  it('keeps roles HQ’s to write, and a franchisee from handing out more than they have', async () => {
    const east = await signInOffice(f, 'east@demo.pos');
    expect((await f.app.request('/roles', json(officeRole('mine', none), east))).status).toBe(403);
    const roles = PermissionRolePage.parse(await (await get(f, '/roles?kind=office', east)).json()).items;
    const admin = roles.find((r) => r.code === 'hq-admin')!;
    const storeManager = roles.find((r) => r.code === 'store-manager')!;
    const manager = { email: 'm4@demo.pos', name: 'M4', level: 'store_manager', storeId: f.storeIds.S004, password: 'start1234' };
    const escalated = await f.app.request('/users', json({ ...manager, permissionRoleId: admin.id }, east));
    expect(escalated.status).toBe(403);
    expect((await f.app.request('/users', json({ ...manager, permissionRoleId: storeManager.id }, east))).status).toBe(201);
  });

  it('counts report exports per user per day and refuses past the role’s limit', async () => {
    const role = await makeRole(officeRole('two-exports', { ...none, modules: { ...none.modules, reports: 'view' }, reports: { ...none.reports, store_day: { print: false, export: true, perDay: 2 } } }));
    const token = await userWithRole('exporter@demo.pos', role.id);
    const exportReport = () => f.app.request('/reports/store-day/export', json({ from: '2026-11-01', to: '2026-11-22' }, token));
    const first = await exportReport();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/csv/);
    expect(first.headers.get('x-exports-remaining')).toBe('1');
    expect((await first.text()).split('\r\n')[0]).toBe('business_date,store_code,store_name,sales,tickets,items,average_basket');
    expect((await exportReport()).status).toBe(200);
    const third = await exportReport();
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ error: { code: 'OUTPUT_LIMIT_REACHED' } });
    expect(await f.deps.db.$count(reportOutputs, eq(reportOutputs.chainId, f.chainId))).toBe(2);
    const noExport = await makeRole(officeRole('no-exports', { ...none, modules: { ...none.modules, reports: 'view' } }));
    const viewer = await userWithRole('reader@demo.pos', noExport.id);
    expect((await f.app.request('/reports/store-day/export', json({ from: '2026-11-01', to: '2026-11-22' }, viewer))).status).toBe(403);
    f.clock.advance(24 * 3_600_000);
    const tomorrow = OfficeSession.parse(await (await signInWith(f, 'exporter@demo.pos', 'start1234')).json()).token;
    expect((await f.app.request('/reports/store-day/export', json({ from: '2026-11-01', to: '2026-11-22' }, tomorrow))).status).toBe(200);
  });
});
