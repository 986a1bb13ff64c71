import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { defaultTillShortcuts, ErrorBody, PullResponse, TillShortcuts } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { changedTables, takeSnapshot } from '../support/table-snapshot';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let till: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  till = (await pairTill(f, 'S001')).deviceToken;
});
afterAll(() => database.close());

const put = (body: unknown, token = hq) =>
  f.app.request('/settings/till-shortcuts', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const current = async () => TillShortcuts.parse(await (await f.app.request('/settings/till-shortcuts', bearer(hq))).json());

async function pull(cursor: number) {
  const res = await f.app.request(`/sync/pull?cursor=${cursor}&limit=5000`, bearer(till));
  expect(res.status).toBe(200);
  return PullResponse.parse(await res.json());
}

const shortcutAudits = () => database.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entity, 'till_shortcuts')));

describe('the chain’s till shortcuts', () => {
  it('starts with the keys tills have always had, and a till pulls them', async () => {
    expect(await current()).toEqual(defaultTillShortcuts);
    const first = await pull(0);
    expect(first.hasMore).toBe(false);
    expect(first.changes.filter((c) => c.entity === 'till_shortcuts').map((c) => c.data)).toEqual([{ chainId: f.chainId, shortcuts: defaultTillShortcuts }]);
  });

  it('takes a changed key from HQ, audits it, and the till pulls the new map and nothing else', async () => {
    const { cursor } = await pull(0);
    const changed = { ...defaultTillShortcuts, complete: 'Pause', hold: 'Alt+H' };
    const res = await put(changed);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(changed);
    expect(await current()).toEqual(changed);

    const audits = await shortcutAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'update', entityId: f.chainId, before: defaultTillShortcuts, after: changed });

    const next = await pull(cursor);
    expect(next.changes.map(({ entity, data }) => ({ entity, data }))).toEqual([{ entity: 'till_shortcuts', data: { chainId: f.chainId, shortcuts: changed } }]);
  });

  it('refuses a key given twice with 400 naming both actions, and changes nothing', async () => {
    const before = await takeSnapshot(database.db);
    const kept = await current();
    const res = await put({ ...kept, recall: 'Pause' });
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const issues = body.error.details as { path: string; message: string }[];
    expect(issues.map((i) => [i.path, i.message.split(':')[0]])).toEqual([['complete', 'SHORTCUT_DUPLICATE'], ['recall', 'SHORTCUT_DUPLICATE']]);
    expect(changedTables(before, await takeSnapshot(database.db))).toEqual([]);
    expect(await current()).toEqual(kept);
  });

  it('refuses keys the scan field needs, keys the till does not take, and unknown or missing actions', async () => {
    const before = await takeSnapshot(database.db);
    const kept = await current();
    const reasons = async (body: unknown) => {
      const res = await put(body);
      expect(res.status).toBe(400);
      return (ErrorBody.parse(await res.json()).error.details as { path: string; message: string }[]).map((i) => `${i.path} ${i.message.split(':')[0]}`);
    };
    expect(await reasons({ ...kept, member: 'Enter', voucher: '5', exact: 'Delete' })).toEqual(['member SHORTCUT_RESERVED', 'exact SHORTCUT_RESERVED', 'voucher SHORTCUT_RESERVED']);
    expect(await reasons({ ...kept, discount: 'Ctrl+D' })).toEqual(['discount SHORTCUT_UNSUPPORTED']);
    expect((await put({ ...kept, dance: 'F11' })).status).toBe(400);
    const { refund: _, ...withoutRefund } = kept;
    expect((await put(withoutRefund)).status).toBe(400);
    expect(changedTables(before, await takeSnapshot(database.db))).toEqual([]);
  });

  it('lets only HQ change them', async () => {
    const changed = { ...(await current()), search: 'Alt+S' };
    for (const email of ['east@demo.pos', 's001@demo.pos']) {
      expect((await put(changed, await signInOffice(f, email))).status).toBe(403);
    }
    expect((await put(changed, till)).status).toBe(403);
    expect((await current()).search).toBe('Alt+F');
  });
});
