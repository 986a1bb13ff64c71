import { commissionPlans, commissionResults, commissionStorePeriods, counters } from '@pos/hq-server/commission/commission.tables';
import { seedDemo } from '@pos/hq-server/seed/seed';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let database: TestDatabase;
let chainId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ chainId } = await seedDemo({ db: database.db, clock: testClock(), config: { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 } }, { products: 200, historyDays: 25, pinIterations: 1000 }));
}, 240_000);
afterAll(() => database.close());

describe('the demo chain’s commission', () => {
  it('has a plan and a counter per store, last month closed and this month worked out, every pool shared out to the fen', async () => {
    const { db } = database;
    expect(await db.$count(commissionPlans, eq(commissionPlans.chainId, chainId))).toBe(1);
    const stores = await db.$count(counters, eq(counters.chainId, chainId));
    expect(stores).toBeGreaterThan(0);
    const states = await db.select({ key: commissionStorePeriods.periodKey, closed: sql<boolean>`${commissionStorePeriods.closedAt} is not null` }).from(commissionStorePeriods).where(eq(commissionStorePeriods.chainId, chainId));
    expect(states.filter((s) => s.key === '2026-10').every((s) => s.closed)).toBe(true);
    expect(states.filter((s) => s.key === '2026-11')).toHaveLength(stores);
    expect(states.filter((s) => s.key === '2026-11').some((s) => s.closed)).toBe(false);

    const total = async (period: string, kind: typeof commissionResults.$inferSelect.kind) => Number((await db.select({ n: sql<string>`coalesce(sum(${commissionResults.amountMinor}), 0)` }).from(commissionResults)
      .where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, period), eq(commissionResults.kind, kind))))[0]!.n);
    for (const period of ['2026-10', '2026-11']) {
      expect(await total(period, 'sales')).toBeGreaterThan(0);
      expect(await total(period, 'pool_total')).toBeGreaterThan(0);
      const pools = await db.select({ n: sql<string>`coalesce(sum(${commissionResults.amountMinor}), 0)` }).from(commissionResults)
        .where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, period), eq(commissionResults.beneficiaryKind, 'pool'), eq(commissionResults.kind, 'clawback')));
      expect(await total(period, 'pool_total') + Number(pools[0]!.n)).toBe(await total(period, 'pool_share') + await total(period, 'unassigned'));
    }
  });
});
