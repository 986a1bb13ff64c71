import { clerkSessions } from '@pos/hq-server/org/org.tables';
import { ClerkPage, ClerkRecord, ClerkSession, PullResponse, type PairedDevice } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, DEMO_PIN, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { auditOf, get, send } from '../support/people';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
let till: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  west = await signInOffice(f, 'west@demo.pos');
  till = await pairTill(f, 'S004');
});
afterAll(() => database.close());

const clerkSignIn = (clerkCode: string, pin: string) => f.app.request('/auth/clerk/sign-in', json({ clerkCode, pin }, till.deviceToken));
const clerk = (code: string, storeCode: string | null, extra: Record<string, unknown> = {}) => ({
  code, name: '新店员', storeId: storeCode ? f.storeIds[storeCode] : null, role: 'cashier', badgeCode: `77${code.padStart(6, '0')}`, commissionGrade: 'B', pin: '4321', ...extra,
});

async function pulledClerk(id: string) {
  let cursor = 0;
  for (;;) {
    const page = PullResponse.parse(await (await f.app.request(`/sync/pull?cursor=${cursor}&limit=500`, bearer(till.deviceToken))).json());
    const found = page.changes.findLast((c) => c.entity === 'clerk' && (c.data as { id: string }).id === id);
    if (found || !page.hasMore) return found?.data as { active: boolean } | undefined;
    cursor = page.cursor;
  }
}

describe('clerks', () => {
  it('lists the clerks of a franchisee’s stores only, with badges and grades, paged and filtered by HQ', async () => {
    const page = ClerkPage.parse(await (await get(f, '/clerks?limit=100', east)).json());
    expect(new Set(page.items.map((c) => c.storeId))).toEqual(new Set([f.storeIds.S004, f.storeIds.S005]));
    expect(page.items.every((c) => /^88\d{6}$/.test(c.badgeCode ?? '') && ['A', 'B', 'C'].includes(c.commissionGrade ?? ''))).toBe(true);
    const managers = ClerkPage.parse(await (await get(f, `/clerks?role=store_manager&storeId=${f.storeIds.S004}`, east)).json());
    expect(managers.items.map((c) => c.code)).toEqual(['0041']);
    expect((await get(f, `/clerks?storeId=${f.storeIds.S006}`, east)).status).toBe(200);
    expect(ClerkPage.parse(await (await get(f, `/clerks?storeId=${f.storeIds.S006}`, east)).json()).total).toBe(0);
  });

  it('creates a clerk with a unique code and badge, refusing duplicates and malformed badges', async () => {
    const res = await f.app.request('/clerks', json(clerk('0491', 'S004'), east));
    expect(res.status).toBe(201);
    const made = ClerkRecord.parse(await res.json());
    expect(made).toMatchObject({ code: '0491', badgeCode: '77000491', commissionGrade: 'B', active: true });
    expect((await clerkSignIn('0491', '4321')).status).toBe(200);
    expect((await f.app.request('/clerks', json(clerk('0491', 'S004', { badgeCode: '99999999' }), east))).status).toBe(409);
    expect((await f.app.request('/clerks', json(clerk('0492', 'S004', { badgeCode: '77000491' }), east))).status).toBe(409);
    expect((await f.app.request('/clerks', json(clerk('0493', 'S004', { badgeCode: '12AB' }), east))).status).toBe(400);
    expect((await f.app.request('/clerks', json(clerk('0494', 'S004', { commissionGrade: 'too-long' }), east))).status).toBe(400);
    expect((await f.app.request('/clerks', json(clerk('0495', null), east))).status).toBe(403);
    const [entry] = await auditOf(f, made.id);
    expect(entry).toMatchObject({ entity: 'clerk', action: 'create' });
    expect(JSON.stringify(entry!.after)).not.toMatch(/pin|salt|hash/i);
  });

  it('a manager’s PIN reset clears the lock-out, and the new PIN signs in', async () => {
    for (let i = 0; i < 5; i++) await clerkSignIn('0042', '0000');
    expect((await clerkSignIn('0042', DEMO_PIN)).status).toBe(423);
    const reset = await f.app.request(`/clerks/${f.clerkIds['0042']}/pin`, json({ pin: '8642' }, east));
    expect(reset.status).toBe(200);
    expect(ClerkRecord.parse(await reset.json()).lockedUntil).toBeNull();
    expect((await clerkSignIn('0042', DEMO_PIN)).status).toBe(401);
    expect((await clerkSignIn('0042', '8642')).status).toBe(200);
    expect((await auditOf(f, f.clerkIds['0042']!)).map((e) => e.action)).toEqual(['reset_pin']);
  });

  it('deactivating a clerk ends their sessions at once and the till learns it by pull', async () => {
    const session = ClerkSession.parse(await (await clerkSignIn('0043', DEMO_PIN)).json());
    expect((await f.app.request(`/clerks/${f.clerkIds['0043']}/deactivate`, json({}, east))).status).toBe(200);
    const rows = await f.deps.db.select().from(clerkSessions).where(and(eq(clerkSessions.chainId, f.chainId), eq(clerkSessions.clerkId, session.clerk.id)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
    expect((await clerkSignIn('0043', DEMO_PIN)).status).toBe(401);
    expect((await pulledClerk(f.clerkIds['0043']!))?.active).toBe(false);
    f.clock.advance(1000);
    expect((await f.app.request(`/clerks/${f.clerkIds['0043']}/reactivate`, json({}, hq))).status).toBe(200);
    expect((await clerkSignIn('0043', DEMO_PIN)).status).toBe(200);
    expect((await auditOf(f, f.clerkIds['0043']!)).map((e) => e.action)).toEqual(['deactivate', 'reactivate']);
  });

  it('keeps a franchisee off another franchisee’s clerks, changing nothing', async () => {
    const id = f.clerkIds['0042']!;
    const body = { code: '0042', name: 'x', storeId: f.storeIds.S006, role: 'cashier', badgeCode: null, commissionGrade: null, permissionRoleId: null };
    expect((await f.app.request(`/clerks/${id}`, send('PUT', body, west))).status).toBe(404);
    expect((await f.app.request(`/clerks/${id}/pin`, json({ pin: '1111' }, west))).status).toBe(404);
    expect((await f.app.request(`/clerks/${id}/deactivate`, json({}, west))).status).toBe(404);
    expect((await f.app.request(`/clerks/${f.clerkIds['0062']}`, send('PUT', { ...body, code: '0062', storeId: f.storeIds.S004 }, west))).status).toBe(404);
    expect((await clerkSignIn('0042', '8642')).status).toBe(200);
    expect((await auditOf(f, id)).map((e) => e.action)).toEqual(['reset_pin']);
  });

  it('lets a store manager manage their store’s cashiers but not make store managers', async () => {
    const s001 = await signInOffice(f, 's001@demo.pos');
    expect((await f.app.request('/clerks', json(clerk('0191', 'S001', { role: 'store_manager' }), s001))).status).toBe(403);
    expect((await f.app.request('/clerks', json(clerk('0192', 'S001'), s001))).status).toBe(201);
    expect((await f.app.request('/clerks', json(clerk('0193', 'S002'), s001))).status).toBe(404);
    expect((await f.app.request(`/clerks/${f.clerkIds['0011']}/pin`, json({ pin: '1111' }, s001))).status).toBe(403);
    expect((await f.app.request(`/clerks/${f.clerkIds['0012']}/pin`, json({ pin: '1111' }, s001))).status).toBe(200);
  });
});
