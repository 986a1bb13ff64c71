import { barcodes, prices, products } from '@pos/hq-server/catalog/catalog.tables';
import type { Deps } from '@pos/hq-server/http/app-env';
import { chains, clerks, stores, tillDevices, users } from '@pos/hq-server/org/org.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { seedDemo, type SeedOptions, type SeedStep } from '@pos/hq-server/seed/seed';
import { seedDemoIfEmpty } from '@pos/hq-server/seed/seed-on-start';
import { countDistinct } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/fixture';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const options: SeedOptions = { products: 200, historyDays: 3, pinIterations: 1000 };
const config = { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 };

/** What a complete demo holds, in numbers. */
async function demoCounts({ db }: Deps) {
  const count = async (table: Parameters<typeof db.$count>[0]) => db.$count(table);
  const [days] = await db.select({ n: countDistinct(sales.businessDate) }).from(sales);
  return {
    chains: await count(chains), stores: await count(stores), tills: await count(tillDevices), clerks: await count(clerks), users: await count(users),
    products: await count(products), barcodes: await count(barcodes), prices: await count(prices), members: await count(members),
    sales: await count(sales), salesDays: days!.n,
  };
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
    expect(complete).toMatchObject({ chains: 1, stores: 7, tills: 14, members: 200, salesDays: 3 });
    for (const stopAfter of ['organisation and catalog', 'members', 'sales history'] satisfies SeedStep[]) {
      const deps = await freshDeps();
      const stop = (step: SeedStep) => {
        if (step === stopAfter) throw new Error(`stopped after ${step}`);
      };
      await expect(seedDemo(deps, { ...options, onStep: stop })).rejects.toThrow(`stopped after ${stopAfter}`);
      const chainsLeft = await deps.db.$count(chains);

      const said: string[] = [];
      const summary = await seedDemoIfEmpty(deps, options, (line) => said.push(line));
      expect(summary).not.toBeNull();
      expect(await demoCounts(deps), `next start after stopping after ${stopAfter}`).toEqual(complete);
      expect(chainsLeft, `nothing kept when stopped after ${stopAfter}`).toBe(0);
      expect(said.join('\n')).toContain('demo chain ready');
      expect(await seedDemoIfEmpty(deps, options, (line) => said.push(line)), 'a later start seeds nothing').toBeNull();
    }
  });
});
