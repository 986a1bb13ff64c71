import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from '../support/browser';
import { bearer, createLiveFixture, signInOffice, type Fixture } from '../support/fixture';
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

export interface OfficeVisit {
  email: string;
  /** The office's language, as the user chose it; none leaves the browser's English. */
  locale?: 'en' | 'zh-CN';
  /** Where to go once signed in, e.g. `#/office/members`. */
  hash?: string;
  viewport?: { width: number; height: number };
}

/** A test file's office world: started before its tests, closed after them, with each test's pages closed after the test. */
export interface OfficeSuite {
  readonly f: Fixture;
  readonly hq: RunningServer;
  readonly browser: Browser;
  /** Signs in to the office in a fresh browser context and opens `hash`. */
  open: (visit: OfficeVisit) => Promise<Page>;
  /** What HQ holds, asked through the API as HQ rather than through a screen. */
  hqGet: <T>(path: string, schema: { parse: (value: unknown) => T }) => Promise<T>;
}

export function officeSuite(): OfficeSuite {
  let world: OfficeWorld | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    world = await startOfficeWorld();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await world?.close();
  });
  const current = () => {
    if (!world) throw new Error('the office world starts before the tests');
    return world;
  };
  return {
    get f() { return current().f; },
    get hq() { return current().hq; },
    get browser() { return current().browser; },
    open: async ({ email, locale, hash, viewport = { width: 1366, height: 768 } }) => {
      const { browser, hq } = current();
      const context = await browser.newContext({ serviceWorkers: 'block', viewport, locale: 'en-US' });
      contexts.push(context);
      if (locale) await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
      const page = await context.newPage();
      await page.goto(`${hq.url}/#/office`);
      await page.fill('input[type=email]', email);
      await page.fill('input[type=password]', DEMO_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('.office-menu');
      if (hash) await page.goto(`${hq.url}/${hash}`);
      return page;
    },
    hqGet: async (path, schema) => {
      const { f } = current();
      const res = await f.app.request(path, bearer(await signInOffice(f, 'hq@demo.pos')));
      return schema.parse(await res.json());
    },
  };
}

/** Set `OFFICE_SCREENSHOTS_DIR` to a folder to also keep pictures of the screens as the tests meet them (for looking at them). */
export async function saveShot(page: Page, name: string): Promise<void> {
  const dir = process.env.OFFICE_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
