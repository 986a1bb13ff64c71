import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { storeEvents } from '@pos/hq-server/org/org.tables';
import { Franchisee, FranchiseeList, PullResponse, StoreEvent, StoreList, StoreRecord } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  for (const who of ['hq', 'pudong', 'east', 'west', 's001']) tokens[who] = await signInOffice(f, `${who}@demo.pos`);
});
afterAll(() => database.close());

const send = (method: string, path: string, body: unknown, token = tokens.hq!) => f.app.request(path, { ...json(body, token), method });
const get = (path: string, token = tokens.hq!) => f.app.request(path, bearer(token));
const codes = async (token: string, query = '') => StoreList.parse(await (await get(`/org/stores?limit=50${query}`, token)).json()).items.map((s) => s.code);
const franchiseeId = async (code: string) => FranchiseeList.parse(await (await get(`/franchisees?q=${code}`)).json()).items[0]!.id;
const today = () => f.clock().toISOString().slice(0, 10);

const newStore = { code: 'S100', nameZh: '世纪公园店', nameEn: 'Century Park', address: '上海市浦东新区锦绣路 1001 号', timeZone: 'Asia/Shanghai', currency: 'CNY', connectivity: 'online', openedOn: '2026-11-01' };

describe('stores in scope', () => {
  it('pages the stores each caller may see: HQ all, the region manager their region’s, a franchisee theirs, a manager theirs', async () => {
    expect(await codes(tokens.hq!)).toEqual(['S001', 'S002', 'S003', 'S004', 'S005', 'S006', 'S007']);
    expect(await codes(tokens.pudong!)).toEqual(['S002']);
    expect(await codes(tokens.east!)).toEqual(['S004', 'S005']);
    expect(await codes(tokens.s001!)).toEqual(['S001']);
    const page = StoreList.parse(await (await get('/org/stores?limit=2&offset=2&sort=code&order=desc')).json());
    expect([page.total, page.items.map((s) => s.code)]).toEqual([7, ['S005', 'S004']]);
    expect(await codes(tokens.hq!, `&q=${encodeURIComponent('虹桥')}`)).toEqual(['S006']);
    expect(await codes(tokens.hq!, '&operation=direct')).toEqual(['S001', 'S002', 'S003']);
  });

  it('answers a store out of scope as not found, and its history too', async () => {
    expect((await get(`/stores/${f.storeIds.S006}`, tokens.east!)).status).toBe(404);
    expect((await get(`/stores/${f.storeIds.S006}/events`, tokens.east!)).status).toBe(404);
    expect((await get(`/stores/${f.storeIds.S001}`, tokens.pudong!)).status).toBe(404);
    const s002 = StoreRecord.parse(await (await get(`/stores/${f.storeIds.S002}`, tokens.pudong!)).json());
    expect(s002).toMatchObject({ code: 'S002', regionNameEn: 'Pudong', openedOn: '2019-09-01' });
  });

  it('shows S006’s move from East China Retail to Westside, without naming East to West', async () => {
    const asHq = z.array(StoreEvent).parse(await (await get(`/stores/${f.storeIds.S006}/events`)).json());
    expect(asHq.map((e) => e.kind)).toEqual(['franchisee_changed', 'opened']);
    expect(asHq[0]!.fromFranchiseeName).toContain('East China');
    const asWest = z.array(StoreEvent).parse(await (await get(`/stores/${f.storeIds.S006}/events`, tokens.west!)).json());
    expect([asWest[0]!.fromFranchiseeName, asWest[0]!.toFranchiseeName]).toEqual([null, expect.stringContaining('Westside')]);
  });
});

describe('opening, moving and closing a store', () => {
  let store: StoreRecord;

  it('opens a store as HQ with an `opened` event and an audit entry; others may not', async () => {
    expect((await send('POST', '/stores', newStore, tokens.east!)).status).toBe(403);
    expect((await send('POST', '/stores', newStore, tokens.pudong!)).status).toBe(403);
    const opened = await send('POST', '/stores', newStore);
    expect(opened.status).toBe(201);
    store = StoreRecord.parse(await opened.json());
    expect(store).toMatchObject({ code: 'S100', operation: 'direct', franchiseeId: null, active: true, closedOn: null });
    expect((await send('POST', '/stores', newStore)).status).toBe(409);
    const events = await database.db.select().from(storeEvents).where(and(eq(storeEvents.chainId, f.chainId), eq(storeEvents.storeId, store.id)));
    expect(events.map((e) => [e.kind, e.effectiveOn])).toEqual([['opened', '2026-11-01']]);
  });

  it('moves it to a franchisee, who then sees it, and to a region, who then sees it', async () => {
    const east = await franchiseeId('F01');
    const moved = StoreRecord.parse(await (await send('POST', `/stores/${store.id}/franchisee`, { franchiseeId: east, effectiveOn: today(), note: null })).json());
    expect(moved).toMatchObject({ operation: 'franchise', franchiseeId: east });
    expect(await codes(tokens.east!)).toContain('S100');
    expect(Franchisee.parse(await (await get(`/franchisees/${east}`, tokens.east!)).json()).stores.map((s) => s.code)).toContain('S100');
    const regions = z.array(z.object({ id: z.string(), code: z.string() })).parse(await (await get('/regions')).json());
    const pudong = regions.find((r) => r.code === 'PD')!.id;
    f.clock.advance(60_000);
    await send('POST', `/stores/${store.id}/region`, { regionId: pudong, effectiveOn: today(), note: 'new' });
    expect(await codes(tokens.pudong!)).toEqual(['S002', 'S100']);
    const history = z.array(StoreEvent).parse(await (await get(`/stores/${store.id}/events`)).json());
    expect(history.map((e) => e.kind)).toEqual(['region_changed', 'franchisee_changed', 'opened']);
  });

  it('refuses a move dated after the store’s today, to the franchisee it already has, or to a missing one', async () => {
    const east = await franchiseeId('F01');
    const future = await send('POST', `/stores/${store.id}/franchisee`, { franchiseeId: null, effectiveOn: '2099-01-01', note: null });
    expect(future.status).toBe(400);
    expect((await send('POST', `/stores/${store.id}/franchisee`, { franchiseeId: east, effectiveOn: today(), note: null })).status).toBe(400);
    expect((await send('POST', `/stores/${store.id}/franchisee`, { franchiseeId: crypto.randomUUID(), effectiveOn: today(), note: null })).status).toBe(400);
    expect((await send('POST', `/stores/${store.id}/close`, { closedOn: '2026-10-01', note: null })).status).toBe(400);
  });

  it('closes the store: its till can no longer pull or get new tills but still pushes; then reopens it', async () => {
    const till = await pairTill(f, 'S006');
    const closed = StoreRecord.parse(await (await send('POST', `/stores/${f.storeIds.S006}/close`, { closedOn: today(), note: '租约到期 lease ended' })).json());
    expect(closed).toMatchObject({ active: false, closedOn: today() });
    expect((await get('/sync/pull?cursor=0', till.deviceToken)).status).toBe(403);
    expect((await f.app.request('/devices/pairing-codes', json({ storeId: f.storeIds.S006, name: 'Till 9' }, tokens.hq!))).status).toBe(403);
    expect((await send('POST', `/stores/${f.storeIds.S006}/close`, { closedOn: today(), note: null })).status).toBe(409);
    expect((await send('POST', `/stores/${f.storeIds.S006}/franchisee`, { franchiseeId: null, effectiveOn: today(), note: null })).status).toBe(409);
    const reopened = StoreRecord.parse(await (await send('POST', `/stores/${f.storeIds.S006}/reopen`, { effectiveOn: today(), note: null })).json());
    expect(reopened).toMatchObject({ active: true, closedOn: null });
    PullResponse.parse(await (await get('/sync/pull?cursor=0', till.deviceToken)).json());
  });

  it('edits a store’s details, refusing an unknown time zone and an empty edit', async () => {
    const edited = StoreRecord.parse(await (await send('PATCH', `/stores/${store.id}`, { address: '上海市浦东新区锦绣路 1002 号', connectivity: 'batch' })).json());
    expect(edited).toMatchObject({ address: '上海市浦东新区锦绣路 1002 号', connectivity: 'batch' });
    expect((await send('PATCH', `/stores/${store.id}`, { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await send('PATCH', `/stores/${store.id}`, {})).status).toBe(400);
  });

  it('audits every change of a store with its before and after', async () => {
    const trail = await database.db.select().from(auditEntries)
      .where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entity, 'store'), eq(auditEntries.entityId, store.id))).orderBy(auditEntries.at);
    expect(trail.map((a) => a.action)).toEqual(['create', 'franchisee_changed', 'region_changed', 'update']);
    expect(trail[1]).toMatchObject({ before: expect.objectContaining({ operation: 'direct' }), after: expect.objectContaining({ operation: 'franchise' }) });
    const s006 = await database.db.select().from(auditEntries).where(and(eq(auditEntries.entity, 'store'), eq(auditEntries.entityId, f.storeIds.S006!)));
    expect(s006.map((a) => a.action).sort()).toEqual(['closed', 'reopened']);
  });
});
