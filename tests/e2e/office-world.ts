import type { RunningServer } from '@pos/hq-server/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';

/** What an office browser test runs against: the demo chain in a fresh database, HQ serving the built till, and a browser. */
export interface OfficeWorld {
  f: Fixture;
  hq: RunningServer;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startOfficeWorld(): Promise<OfficeWorld> {
  const { database, f } = await createLiveFixture();
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
