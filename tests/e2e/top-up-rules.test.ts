import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { topUpRules } from '@pos/hq-server/stored-value/stored-value.tables';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
/** Set to a folder to also keep the screen's pictures. */
const shotsDir = process.env.OFFICE_SCREENSHOTS_DIR;

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

async function signedIn(locale: 'en' | 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
  const page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', 'hq@demo.pos');
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
  return page;
}

async function shoot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

describe('the office’s top-up rules', () => {
  it.each(['en', 'zh-CN'] as const)('lists the demo rule, adds one through the editor and passes axe (%s)', async (locale) => {
    const page = await signedIn(locale);
    await page.goto(`${hq.url}/#/office/top-up-rules`);
    const rows = page.locator('[data-testid=top-up-rules-screen] .ant-table-tbody tr:not(.ant-table-measure-row)');
    await rows.first().waitFor();
    await expect.poll(() => rows.first().innerText()).toContain('充500送50');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot(page, `${locale}-top-up-rules`);

    await page.click('[data-testid=top-up-rule-new]');
    await page.fill('#rule-name', `充1000送150 ${locale}`);
    const amounts = page.locator('.ant-modal .office-number-input input');
    await amounts.nth(0).fill('1000');
    await amounts.nth(1).fill('150');
    await page.fill('#rule-starts', '2026-12-01');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot(page, `${locale}-top-up-rule-editor`);
    await page.click('.ant-modal .ant-btn-primary');
    await expect.poll(() => page.locator('[data-testid=top-up-rules-screen]').innerText()).toContain(`充1000送150 ${locale}`);
    const saved = (await f.deps.db.select().from(topUpRules)).find((r) => r.name === `充1000送150 ${locale}`);
    expect(saved).toMatchObject({ minTopUpMinor: 100_000, bonusMinor: 15_000, startsOn: '2026-12-01', endsOn: null, active: true });
    await page.context().close();
  });
});
