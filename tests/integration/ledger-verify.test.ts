import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { formatLedgerReport, verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { memberAccounts, memberCards } from '@pos/hq-server/members/membership.tables';
import { stockLevels } from '@pos/hq-server/stock/stock.tables';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, makeSale, pairTill, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';

let database: TestDatabase;
let f: Fixture;
const root = fileURLToPath(new URL('../..', import.meta.url));

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
});
afterAll(() => database.close());

async function accountOfCard(cardNo: string): Promise<string> {
  const [card] = await f.deps.db.select({ memberId: memberCards.memberId }).from(memberCards).where(and(eq(memberCards.chainId, f.chainId), eq(memberCards.cardNo, cardNo)));
  return card!.memberId;
}

describe('ledger verification', () => {
  it('finds every demo account equal to its ledger', async () => {
    const report = await verifyLedgers(database.db);
    expect(report.ok).toBe(true);
    expect(report.ledgers[0]!.accounts).toBeGreaterThan(100);
    expect(formatLedgerReport(report)[0]).toMatch(/^stored_value: \d+ accounts, every balance equals the sum of its entries$/);
  });

  it('reports a balance and a bonus part changed behind the ledger’s back, account by account', async () => {
    database.skipLedgerProof();
    const accountId = await accountOfCard(demoCardNo(1));
    const thisAccount = and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, accountId));
    await f.deps.db.update(memberAccounts).set({ balanceMinor: sql`${memberAccounts.balanceMinor} + 100`, bonusMinor: sql`${memberAccounts.bonusMinor} - 1` }).where(thisAccount);
    const report = await verifyLedgers(database.db);
    expect(report.ok).toBe(false);
    expect(report.ledgers[0]!.differences).toEqual([
      { ledger: 'stored_value', chainId: f.chainId, accountId, problem: 'balance', accountMinor: 75_100, ledgerMinor: 75_000 },
      { ledger: 'stored_value', chainId: f.chainId, accountId, problem: 'bonus', accountMinor: 4_999, ledgerMinor: 5_000 },
      { ledger: 'stored_value', chainId: f.chainId, accountId, problem: 'last_balance_after', accountMinor: 75_100, ledgerMinor: 75_000 },
    ]);
    const lines = formatLedgerReport(report);
    expect(lines[0]).toMatch(/3 difference\(s\)$/);
    expect(lines[1]).toBe(`  chain ${f.chainId} account ${accountId}: balance is 75100 on the account, 75000 by the ledger`);
  });

  it('finds each store’s stock equal to its movements, and reports a level changed behind them', async () => {
    const till = await pairTill(f, 'S001');
    const pushed = await f.app.request('/sync/push', json({ documents: Array.from({ length: 20 }, () => makeSale(f, till, '0012', { lines: 5 })) }, till.deviceToken));
    expect(pushed.status).toBe(200);
    const before = await verifyLedgers(database.db);
    const stock = before.ledgers.find((l) => l.ledger === 'stock')!;
    expect(stock.accounts).toBeGreaterThan(20);
    expect(stock.differences).toEqual([]);

    database.skipLedgerProof();
    const [level] = await f.deps.db.select().from(stockLevels).where(eq(stockLevels.chainId, f.chainId)).orderBy(stockLevels.storeId, stockLevels.productId).limit(1);
    await f.deps.db.update(stockLevels).set({ quantity: level!.quantity + 5 })
      .where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, level!.storeId), eq(stockLevels.productId, level!.productId)));
    const after = (await verifyLedgers(database.db)).ledgers.find((l) => l.ledger === 'stock')!;
    expect(after.differences).toEqual([
      { ledger: 'stock', chainId: f.chainId, accountId: `${level!.storeId}/${level!.productId}`, problem: 'level', accountMinor: level!.quantity + 5, ledgerMinor: level!.quantity },
    ]);
  });

  it.runIf(process.env.POS_TEST_DB === 'postgres')('prints the report and exits non-zero from `pnpm ledger:verify`', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'hq-server/src/ledger/verify-cli.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url! } });
    const failed = await run.then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/stored_value: \d+ accounts, 3 difference\(s\)/);
    expect(failed?.stderr).toContain('ledger differences found');
  });
});
