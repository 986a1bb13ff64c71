import { OfficeUser, OfficeUserPage } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import { auditOf, get, send, signInWith, userId } from '../support/people';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
});
afterAll(() => database.close());

const manager = (storeCode: string, email: string) => ({ email, name: 'Test Manager', level: 'store_manager', storeId: f.storeIds[storeCode], password: 'start1234' });

describe('office users', () => {
  it('HQ creates a store manager who can sign in, with an audit entry that holds no password', async () => {
    const res = await f.app.request('/users', json(manager('S002', 'Mgr.S002@demo.pos'), hq));
    expect(res.status).toBe(201);
    const user = OfficeUser.parse(await res.json());
    expect(user).toMatchObject({ email: 'mgr.s002@demo.pos', level: 'store_manager', storeId: f.storeIds.S002, active: true });
    expect((await signInWith(f, 'mgr.s002@demo.pos', 'start1234')).status).toBe(200);
    const [entry] = await auditOf(f, user.id);
    expect(entry).toMatchObject({ entity: 'user', action: 'create', actorId: await userId(f, 'hq@demo.pos'), before: null });
    expect(JSON.stringify(entry!.after)).not.toMatch(/password|scrypt/);
  });

  it('refuses a taken e-mail, a weak password and a level without its tie, changing nothing', async () => {
    const before = OfficeUserPage.parse(await (await get(f, '/users?limit=100', hq)).json()).total;
    const taken = await f.app.request('/users', json(manager('S002', 'EAST@demo.pos'), hq));
    expect(taken.status).toBe(409);
    expect((await f.app.request('/users', json({ ...manager('S002', 'x1@demo.pos'), password: 'short1' }, hq))).status).toBe(400);
    expect((await f.app.request('/users', json({ ...manager('S002', 'x2@demo.pos'), password: 'lettersonly' }, hq))).status).toBe(400);
    const untied = await f.app.request('/users', json({ ...manager('S002', 'x3@demo.pos'), storeId: null }, hq));
    expect(untied.status).toBe(400);
    expect(JSON.stringify(await untied.json())).toContain('storeId');
    expect(OfficeUserPage.parse(await (await get(f, '/users?limit=100', hq)).json()).total).toBe(before);
  });

  it('deactivating a user ends their sessions: their very next request is 401, and they cannot sign in until reactivated', async () => {
    const id = await userId(f, 'mgr.s002@demo.pos');
    const token = ((await (await signInWith(f, 'mgr.s002@demo.pos', 'start1234')).json()) as { token: string }).token;
    expect((await get(f, '/auth/office/session', token)).status).toBe(200);
    expect((await f.app.request(`/users/${id}/deactivate`, json({}, hq))).status).toBe(200);
    expect((await get(f, '/auth/office/session', token)).status).toBe(401);
    expect((await signInWith(f, 'mgr.s002@demo.pos', 'start1234')).status).toBe(401);
    expect(OfficeUser.parse(await (await f.app.request(`/users/${id}/reactivate`, json({}, hq))).json()).active).toBe(true);
    expect((await signInWith(f, 'mgr.s002@demo.pos', 'start1234')).status).toBe(200);
    expect((await auditOf(f, id)).map((e) => e.action)).toEqual(['create', 'deactivate', 'reactivate']);
  });

  it('shows a franchisee their own people and their stores’ managers only, paged by HQ', async () => {
    expect((await f.app.request('/users', json(manager('S004', 'mgr.s004@demo.pos'), east))).status).toBe(201);
    const page = OfficeUserPage.parse(await (await get(f, '/users?sort=email&order=desc', east)).json());
    expect(page.items.map((u) => u.email)).toEqual(['mgr.s004@demo.pos', 'east@demo.pos']);
    expect(page.total).toBe(2);
    const hqPage = OfficeUserPage.parse(await (await get(f, '/users?limit=2&offset=0&sort=email&q=demo.pos', hq)).json());
    expect(hqPage.items).toHaveLength(2);
    expect(hqPage.total).toBeGreaterThan(5);
    const stores = OfficeUserPage.parse(await (await get(f, '/users?level=store_manager', hq)).json());
    expect(stores.items.every((u) => u.level === 'store_manager')).toBe(true);
  });

  it('keeps a franchisee off another franchisee’s people and off levels they may not give', async () => {
    const west = await userId(f, 'west@demo.pos');
    expect((await f.app.request(`/users/${west}/deactivate`, json({}, east))).status).toBe(404);
    expect((await f.app.request(`/users/${west}/password`, json({ password: 'taken1234' }, east))).status).toBe(404);
    expect((await f.app.request(`/users/${west}`, send('PUT', { email: 'west@demo.pos', name: 'x', level: 'franchisee', franchiseeId: west, regionId: null, storeId: null, permissionRoleId: null }, east))).status).toBe(404);
    expect((await f.app.request('/users', json(manager('S006', 'steal@demo.pos'), east))).status).toBe(404);
    expect((await f.app.request('/users', json({ email: 'boss@demo.pos', name: 'Boss', level: 'hq_admin', password: 'boss12345' }, east))).status).toBe(403);
    expect((await f.app.request(`/users/${await userId(f, 'east@demo.pos')}/deactivate`, json({}, east))).status).toBe(403);
    expect((await signInWith(f, 'west@demo.pos', 'demo1234')).status).toBe(200);
  });

  it('lets a franchisee reset their manager’s password: the old one stops working and their sessions end', async () => {
    const id = await userId(f, 'mgr.s004@demo.pos');
    const token = ((await (await signInWith(f, 'mgr.s004@demo.pos', 'start1234')).json()) as { token: string }).token;
    expect((await f.app.request(`/users/${id}/password`, json({ password: 'fresh5678' }, east))).status).toBe(200);
    expect((await get(f, '/auth/office/session', token)).status).toBe(401);
    expect((await signInWith(f, 'mgr.s004@demo.pos', 'start1234')).status).toBe(401);
    expect((await signInWith(f, 'mgr.s004@demo.pos', 'fresh5678')).status).toBe(200);
    expect((await auditOf(f, id)).map((e) => e.action)).toEqual(['create', 'reset_password']);
  });

  it('gives a store manager only themselves and no way to manage users', async () => {
    const s001 = await signInOffice(f, 's001@demo.pos');
    const page = OfficeUserPage.parse(await (await get(f, '/users', s001)).json());
    expect(page.items.map((u) => u.email)).toEqual(['s001@demo.pos']);
    expect((await f.app.request('/users', json(manager('S001', 'other@demo.pos'), s001))).status).toBe(403);
  });
});
