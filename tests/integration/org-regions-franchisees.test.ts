import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { Franchisee, FranchiseeList, Region } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  for (const who of ['hq', 'pudong', 'east', 's001']) tokens[who] = await signInOffice(f, `${who}@demo.pos`);
});
afterAll(() => database.close());

const send = (method: string, path: string, body: unknown, token = tokens.hq!) => f.app.request(path, { ...json(body, token), method });
const get = (path: string, token = tokens.hq!) => f.app.request(path, bearer(token));
const regions = async () => z.array(Region).parse(await (await get('/regions')).json());
const region = async (code: string) => (await regions()).find((r) => r.code === code)!;
const auditActions = async (entity: string, id: string) =>
  (await database.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entity, entity), eq(auditEntries.entityId, id))).orderBy(auditEntries.at)).map((a) => a.action);

describe('regions', () => {
  it('lists the demo regions with their active stores', async () => {
    expect((await regions()).map((r) => [r.code, r.parentId, r.storeCount])).toEqual([['PD', null, 1], ['PX', null, 6]]);
  });

  it('creates a tree, moves a branch, and refuses a move that would make a cycle', async () => {
    const pudong = await region('PD');
    const made = await send('POST', '/regions', { code: 'PD-N', nameZh: '浦东北', nameEn: 'Pudong North', parentId: pudong.id });
    expect(made.status).toBe(201);
    const north = Region.parse(await made.json());
    const leaf = Region.parse(await (await send('POST', '/regions', { code: 'PD-N1', nameZh: '金桥', nameEn: 'Jinqiao', parentId: north.id })).json());
    expect((await send('POST', '/regions', { code: 'PD-N', nameZh: 'x', nameEn: 'x', parentId: null })).status).toBe(409);

    for (const parentId of [pudong.id, north.id, leaf.id]) {
      const cycle = await send('PATCH', `/regions/${pudong.id}`, { parentId });
      expect(cycle.status).toBe(400);
    }
    const renamed = Region.parse(await (await send('PATCH', `/regions/${leaf.id}`, { nameEn: 'Jinqiao Branch', parentId: pudong.id })).json());
    expect(renamed).toMatchObject({ nameEn: 'Jinqiao Branch', parentId: pudong.id });
    expect(await auditActions('region', leaf.id)).toEqual(['create', 'move']);
  });

  it('lets a region manager see stores of sub-regions too', async () => {
    const leaf = await region('PD-N1');
    const [s100] = await Promise.all([send('POST', '/stores', {
      code: 'S101', nameZh: '金桥店', nameEn: 'Jinqiao', timeZone: 'Asia/Shanghai', currency: 'CNY', connectivity: 'online', openedOn: '2026-10-01', regionId: leaf.id,
    })]);
    expect(s100!.status).toBe(201);
    const listed = (await (await get('/org/stores', tokens.pudong!)).json()) as { items: { code: string }[] };
    expect(listed.items.map((s) => s.code)).toEqual(['S002', 'S101']);
  });

  it('refuses to deactivate a region with active stores, sub-regions or users in it', async () => {
    expect((await send('POST', `/regions/${(await region('PD-N1')).id}/deactivate`, {})).status).toBe(409);
    expect((await send('POST', `/regions/${(await region('PD')).id}/deactivate`, {})).status).toBe(409);
    const empty = await region('PD-N');
    expect((await send('POST', `/regions/${empty.id}/deactivate`, {})).status).toBe(200);
    expect((await region('PD-N')).active).toBe(false);
    expect((await send('POST', `/regions/${empty.id}/deactivate`, {}, tokens.pudong!)).status).toBe(403);
  });
});

describe('franchisees', () => {
  const terms = { code: 'F09', name: '新加盟商 New Franchisee Co.', contact: '钱女士', phone: '137 0000 9009', royaltyRateBp: 550, settlementCycle: 'quarterly', creditLimitMinor: 5_000_000, contractStart: '2026-12-01', contractEnd: '2029-11-30' };

  it('shows HQ every franchisee with contract terms and stores, and a franchisee only their own', async () => {
    const all = FranchiseeList.parse(await (await get('/franchisees')).json());
    expect(all.items.map((x) => [x.code, x.royaltyRateBp, x.settlementCycle, x.stores.map((s) => s.code)])).toEqual([
      ['F01', 500, 'monthly', ['S004', 'S005']], ['F02', 450, 'quarterly', ['S006', 'S007']],
    ]);
    const own = FranchiseeList.parse(await (await get('/franchisees', tokens.east!)).json());
    expect([own.total, own.items.map((x) => x.code)]).toEqual([1, ['F01']]);
    expect((await get(`/franchisees/${all.items[1]!.id}`, tokens.east!)).status).toBe(404);
    expect((await get('/franchisees', tokens.s001!)).status).toBe(403);
    expect((await send('PATCH', `/franchisees/${all.items[0]!.id}`, { royaltyRateBp: 0 }, tokens.east!)).status).toBe(403);
  });

  it('creates and edits a franchisee, auditing each change, and refuses bad terms', async () => {
    const created = Franchisee.parse(await (await send('POST', '/franchisees', terms)).json());
    expect(created).toMatchObject({ code: 'F09', royaltyRateBp: 550, creditLimitMinor: 5_000_000, stores: [] });
    expect((await send('POST', '/franchisees', terms)).status).toBe(409);
    expect((await send('POST', '/franchisees', { ...terms, code: 'F10', royaltyRateBp: 10_001 })).status).toBe(400);
    expect((await send('POST', '/franchisees', { ...terms, code: 'F10', contractEnd: '2020-01-01' })).status).toBe(400);
    expect((await send('PATCH', `/franchisees/${created.id}`, { contractEnd: '2026-01-01' })).status).toBe(400);
    const edited = Franchisee.parse(await (await send('PATCH', `/franchisees/${created.id}`, { settlementCycle: 'monthly' })).json());
    expect(edited.settlementCycle).toBe('monthly');
    expect(await auditActions('franchisee', created.id)).toEqual(['create', 'update']);
  });

  it('refuses to end a franchisee who still runs open stores', async () => {
    const east = FranchiseeList.parse(await (await get('/franchisees?q=F01')).json()).items[0]!;
    expect((await send('POST', `/franchisees/${east.id}/deactivate`, {})).status).toBe(409);
  });
});
