import type { RunningServer } from '@pos/hq-server/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { seedFixture, testClock, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import { createTestDatabase } from '../support/test-db';

/** What an office browser test runs against: the demo chain in a fresh database, HQ serving the built till, and a browser. */
export interface OfficeWorld {
  f: Fixture;
  hq: RunningServer;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startOfficeWorld(): Promise<OfficeWorld> {
  const database = await createTestDatabase();
  const f = await seedFixture(database, testClock(new Date().toISOString()));
  const hq = await startHq(f);
  const browser = await launchBrowser();
  return {
    f, hq, browser,
    close: async () => {
      await browser.close();
      await hq.close();
      await database.close();
    },
  };
}
