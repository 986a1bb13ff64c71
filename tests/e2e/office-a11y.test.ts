import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { officeScreens, type OfficeUser } from './office-screens';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;

/** Set to a folder to also save every screen at both window sizes (for looking at the layout). */
const shotsDir = process.env.OFFICE_SCREENSHOTS_DIR;
const viewports = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];
/** HQ's walk passes every screen of the office, some 40 of them, each checked with axe. */
const WALK_TIMEOUT_MS = 600_000;

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  await database?.close();
});

async function openOffice(locale: 'en' | 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: viewports[0] });
  await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
  const page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.waitForSelector('input[type=email]');
  return page;
}

async function shoot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(shotsDir, `${name}-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports[0]!);
}

/** HQ sees every screen, in both languages; a region manager's screens are the same ones scoped to their stores, walked in English. */
const walks = [['en', 'hq@demo.pos'], ['zh-CN', 'hq@demo.pos'], ['en', 'east@demo.pos']] as const;

describe('every office screen', () => {
  it.each(walks)('has no serious accessibility findings in %s for %s', async (locale, user: OfficeUser) => {
    const page = await openOffice(locale);
    expect(await seriousAccessibilityFindings(page), 'sign-in').toEqual([]);
    await shoot(page, `${locale}-sign-in`);
    await page.fill('input[type=email]', user);
    await page.fill('input[type=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.office-menu');
    const findings: Record<string, string[]> = {};
    for (const screen of officeScreens.filter((s) => s.users.includes(user))) {
      await page.goto(`${hq.url}/${screen.hash}`);
      // The pointer left over a row by the last screen's clicks would show that row hovered: each screen is checked at rest.
      await page.mouse.move(0, 0);
      await page.locator(screen.ready).first().waitFor();
      await screen.open?.(page);
      await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0);
      const found = await seriousAccessibilityFindings(page);
      if (found.length > 0) findings[screen.name] = found;
      await shoot(page, `${locale}-${user.split('@')[0]}-${screen.hash.replace(/^#\/office\//, '').replace(/\//g, '_')}`);
    }
    expect(findings).toEqual({});
    await page.context().close();
  }, WALK_TIMEOUT_MS);
});
