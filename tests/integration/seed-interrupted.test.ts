import { countRows, tablesInLoadOrder } from '@pos/hq-server/db/backup-catalog';
import type { Deps } from '@pos/hq-server/http/app-env';
import { chains } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { SEEDING_CODE, seedDemo, type SeedOptions, type SeedStep } from '@pos/hq-server/seed/seed';
import { seedDemoIfEmpty } from '@pos/hq-server/seed/seed-on-start';
import { countDistinct } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const options: SeedOptions = { products: 200, historyDays: 3, pinIterations: 1000 };
const config = { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 };

/** What a complete demo holds, in numbers: the rows of every table, and the days with sales. */
async function demoCounts({ db }: Deps) {
  const tables = await tablesInLoadOrder(db);
  const [days] = await db.select({ n: countDistinct(sales.businessDate) }).from(sales);
  return { ...Object.fromEntries(await countRows(db, tables.map((t) => t.name))), salesDays: days!.n };
}

let complete: Awaited<ReturnType<typeof demoCounts>>;
const opened: TestDatabase[] = [];

async function freshDeps(): Promise<Deps> {
  const database = await createTestDatabase();
  opened.push(database);
  return { db: database.db, clock: testClock(), config };
}

beforeAll(async () => {
  const deps = await freshDeps();
  await seedDemo(deps, options);
  complete = await demoCounts(deps);
});
afterAll(() => Promise.all(opened.map((d) => d.close())));

describe('a demo seed stopped part-way', () => {
  it('gives a complete demo on the next start, for every step it stops after', async () => {
    // Three days of history, the showcase members' earlier purchases on three more, and the generated members' own (demo-member-sales.ts) on the days their habits give.
    expect(complete).toMatchObject({ chains: 1, stores: 7, till_devices: 14, clerks: 29, products: 200, members: 207, till_events: 14, salesDays: 152 });
    for (const stopAfter of ['organisation and catalog', 'members', 'sales history'] satisfies SeedStep[]) {
      const deps = await freshDeps();
      const stop = (step: SeedStep) => {
        if (step === stopAfter) throw new Error(`stopped after ${step}`);
      };
      await expect(seedDemo(deps, { ...options, onStep: stop })).rejects.toThrow(`stopped after ${stopAfter}`);
      const left = await deps.db.select({ code: chains.code }).from(chains);

      const said: string[] = [];
      const summary = await seedDemoIfEmpty(deps, options, (line) => said.push(line));
      expect(await demoCounts(deps), `next start after stopping after ${stopAfter}`).toEqual(complete);
      expect(summary).not.toBeNull();
      expect(left, `the stopped seed is marked as such after ${stopAfter}`).toEqual([{ code: SEEDING_CODE }]);
      expect(said[0]).toMatch(/found a demo chain left half-made .* removed it; seeding again/);
      expect(said.join('\n')).toContain('demo chain ready');
      expect(await seedDemoIfEmpty(deps, options, (line) => said.push(line)), 'a later start seeds nothing').toBeNull();
    }
  }, 180_000);
});
