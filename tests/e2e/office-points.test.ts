import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { PointsRuleList, PointsSettings } from '@pos/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { bearer, signInOffice, type Fixture } from '../support/fixture';
import { startOfficeWorld, type OfficeWorld } from './office-world';

let world: OfficeWorld;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let page: Page;

/** Set to a folder to also save the screen in each language. */
const shotsDir = process.env.OFFICE_SCREENSHOTS_DIR;

beforeAll(async () => {
  world = await startOfficeWorld();
  ({ f, hq, browser } = world);
});
afterEach(async () => {
  await page?.context().close();
});
afterAll(async () => {
  await world?.close();
});

async function openPointsRules(locale: 'en' | 'zh-CN') {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
  page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', 'hq@demo.pos');
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
  await page.goto(`${hq.url}/#/office/points-rules`);
  await page.locator('[data-testid=points-rules] .ant-table-row').first().waitFor();
  await page.locator('#points-rate').waitFor();
}

async function hqGet<T>(path: string, schema: { parse: (value: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, bearer(await signInOffice(f, 'hq@demo.pos')));
  return schema.parse(await res.json());
}

async function shoot(name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

describe('the points rules screen', () => {
  it.each(['en', 'zh-CN'] as const)('shows the demo chain’s rules and settings without serious accessibility findings in %s', async (locale) => {
    await openPointsRules(locale);
    expect(await page.locator('[data-testid=points-rules] .ant-table-row').count()).toBe(3);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot(`${locale}-points-rules`);
    await page.getByTestId('points-rule-new').click();
    await page.locator('#rule-name').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot(`${locale}-points-rule-new`);
  });

  it('adds a rule and saves the redemption rate through HQ', async () => {
    await openPointsRules('en');
    await page.getByTestId('points-rule-new').click();
    await page.fill('#rule-name', 'Weekend triple');
    await page.fill('#rule-rate', '3');
    await page.fill('#rule-from', '2026-12-01');
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.locator('[data-testid=points-rules] .ant-table-row', { hasText: 'Weekend triple' }).waitFor();
    const rules = await hqGet('/points/rules', PointsRuleList);
    expect(rules.items.find((r) => r.name === 'Weekend triple')).toMatchObject({ rateBp: 30_000, validFrom: '2026-12-01', validTo: null, memberLevelId: null, categoryId: null });
    await page.fill('#points-rate', '200');
    const saved = page.waitForResponse((res) => res.url().endsWith('/points/settings') && res.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save' }).first().click();
    expect((await saved).status()).toBe(200);
    expect(await hqGet('/points/settings', PointsSettings)).toEqual({ redeemPointsPerYuan: 200, expiry: { kind: 'end_of_year' } });
  });
});
