import { describe, expect, it } from 'vitest';
import { clerkWithPin, createTestDb, ids } from '../../db/test-db.fixture';
import { clerkCodeFor } from './badge-code';

const pin = { algorithm: 'pbkdf2-sha256' as const, iterations: 1, salt: 's', hash: 'h' };

describe('clerkCodeFor', () => {
  it("reads a scanned badge as its clerk's code, and leaves a typed code alone", async () => {
    const db = createTestDb();
    const other = { ...clerkWithPin(pin), id: '0195505c-0000-7000-8000-0000000000c7', code: '7001', badgeCode: '1001', storeId: ids.store };
    await db.clerks.bulkPut([{ ...clerkWithPin(pin), badgeCode: 'EMP-1001' }, other]);
    expect(await clerkCodeFor(db, 'EMP-1001', ids.store)).toBe('1001');
    expect(await clerkCodeFor(db, '1001', ids.store)).toBe('1001');
    expect(await clerkCodeFor(db, 'EMP-9999', ids.store)).toBe('EMP-9999');
    expect(await clerkCodeFor(db, 'EMP-1001', '0195505c-0000-7000-8000-0000000000b2')).toBe('EMP-1001');
  });
});
