import { describe, expect, it } from 'vitest';
import type { Clerk } from '@pos/shared';
import { createTestDb, ids } from '../../db/test-db.fixture';
import { clerkOfBadge, loadDefaultClerk, saveDefaultClerk, storeClerks } from './sales-clerks';

const pin = { algorithm: 'pbkdf2-sha256' as const, iterations: 1, salt: 's', hash: 'h' };
const clerk = (n: number, extra: Partial<Clerk> = {}): Clerk => ({
  id: `0195505c-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`, storeId: ids.store, code: `00${n}`, name: `Clerk ${n}`,
  role: 'sales_clerk', active: true, pin, badgeCode: `880000${n}`, ...extra,
});
const otherStore = '0195505c-0000-7000-8000-0000000009ff';

async function tillWithClerks() {
  const db = createTestDb();
  await db.clerks.bulkPut([
    clerk(14), clerk(15), clerk(12, { role: 'cashier' }), clerk(24, { storeId: otherStore }), clerk(16, { active: false }), clerk(90, { storeId: null }),
  ]);
  return db;
}

describe('the till’s sales clerks', () => {
  it('offers the active clerks of the store and the chain, sales clerks first', async () => {
    const db = await tillWithClerks();
    expect((await storeClerks(db, ids.store)).map((c) => c.code)).toEqual(['0014', '0015', '0090', '0012']);
  });

  it('reads a scanned badge as a clerk working here, one who does not, or no badge at all', async () => {
    const db = await tillWithClerks();
    expect(await clerkOfBadge(db, ' 88000014 ', ids.store)).toMatchObject({ found: 'clerk', clerk: { code: '0014' } });
    expect(await clerkOfBadge(db, '88000024', ids.store)).toEqual({ found: 'elsewhere' });
    expect(await clerkOfBadge(db, '88000016', ids.store)).toEqual({ found: 'elsewhere' });
    expect(await clerkOfBadge(db, '6901234567892', ids.store)).toEqual({ found: 'none' });
  });

  it('keeps the till’s clerk across reloads until cleared, and forgets one who no longer works here', async () => {
    const db = await tillWithClerks();
    expect(await loadDefaultClerk(db, ids.store)).toBeNull();
    await saveDefaultClerk(db, clerk(15).id);
    expect((await loadDefaultClerk(db, ids.store))?.code).toBe('0015');
    await saveDefaultClerk(db, null);
    expect(await loadDefaultClerk(db, ids.store)).toBeNull();
    await saveDefaultClerk(db, clerk(24).id);
    expect(await loadDefaultClerk(db, ids.store)).toBeNull();
  });
});
