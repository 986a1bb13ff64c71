import { memberAccounts, memberCards } from '@pos/hq-server/members/membership.tables';
import { pointsEntries, pointsRules, pointsSettings } from '@pos/hq-server/points/points.tables';
import { verifyPointsPools } from '@pos/hq-server/points/verify-points';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { seedDemo } from '@pos/hq-server/seed/seed';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let database: TestDatabase;
let chainId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ chainId } = await seedDemo({ db: database.db, clock: testClock(), config: { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 } }, { products: 200, historyDays: 1, pinIterations: 1000 }));
});
afterAll(() => database.close());

describe('the demo chain’s points', () => {
  it('has rules, settings, and showcase members whose points come from earn entries of their sales', async () => {
    expect(await database.db.$count(pointsRules, eq(pointsRules.chainId, chainId))).toBe(3);
    expect(await database.db.select({ rate: pointsSettings.redeemPointsPerYuan, expiry: pointsSettings.expiryKind }).from(pointsSettings)).toEqual([{ rate: 100, expiry: 'end_of_year' }]);
    const showcase = await database.db.select({ cardNo: memberCards.cardNo, points: memberAccounts.points, accountId: memberAccounts.id }).from(members)
      .innerJoin(memberAccounts, and(eq(memberAccounts.chainId, members.chainId), eq(memberAccounts.id, members.accountId)))
      .innerJoin(memberCards, and(eq(memberCards.chainId, members.chainId), eq(memberCards.memberId, members.id)))
      .where(and(eq(members.chainId, chainId), inArray(memberCards.cardNo, [demoCardNo(1), demoCardNo(2), demoCardNo(3)])));
    expect(showcase).toHaveLength(3);
    for (const member of showcase) {
      expect(member.points).toBeGreaterThan(0);
      const earned = await database.db.select({ kind: pointsEntries.kind, saleId: pointsEntries.saleId }).from(pointsEntries).where(eq(pointsEntries.accountId, member.accountId));
      expect(earned.every((e) => e.kind === 'earn' && e.saleId !== null)).toBe(true);
    }
    expect(await verifyPointsPools(database.db)).toEqual([]);
  });
});
