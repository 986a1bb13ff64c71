import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '@pos/hq-server/server';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { MemberList } from '@pos/shared';
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

/** Set to a folder to also save the member screens as they are met (for looking at them). */
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

async function signIn(locale: 'en' | 'zh-CN', hash: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 900 } });
  await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
  page = await context.newPage();
  await page.goto(`${hq.url}/#/office`);
  await page.fill('input[type=email]', 's001@demo.pos');
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.office-menu');
  await page.goto(`${hq.url}/${hash}`);
}

async function shoot(name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

const settled = () => page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, .ant-popover:not(.ant-popover-hidden), .ant-message-notice').length === 0);

async function confirm(button: string) {
  await page.locator('[data-testid=member-cards] .ant-table-row').filter({ has: page.locator('[data-testid=card-status]', { hasText: 'Active' }) }).locator(`[data-testid=${button}]`).click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
}

describe('the office member screens', () => {
  it('a store manager finds a member, reports the card lost, replaces it, and the balance follows the member', async () => {
    await signIn('en', '#/office/members');
    await page.locator('[data-testid=members-table] .ant-table-row').first().waitFor();
    await settled();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('en-members');
    await page.locator('#member-search').fill('孙丽华');
    await page.locator('[data-testid=members-table] a', { hasText: '孙丽华' }).click();
    await page.locator('[data-testid=member-detail]').waitFor();
    await settled();
    expect(await page.locator('[data-testid=member-balance]').textContent()).toContain('300.00');
    expect(await page.locator('[data-testid=card-status]').allTextContents()).toEqual(['Replaced', 'Active']);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('en-member-detail');

    await confirm('card-lost');
    await page.locator('[data-testid=card-status]', { hasText: 'Lost' }).waitFor();
    const lookup = await f.app.request(`/members/lookup?code=${demoCardNo(905)}`, bearer(await signInOffice(f, 's001@demo.pos')));
    expect(lookup.status).toBe(423);

    await page.locator('[data-testid=member-cards] .ant-table-row').filter({ has: page.locator('[data-testid=card-status]', { hasText: 'Lost' }) }).locator('[data-testid=card-replace]').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('[data-testid=card-status]', { hasText: 'Active' }).waitFor();
    expect(await page.locator('[data-testid=card-status]').allTextContents()).toEqual(['Replaced', 'Replaced', 'Active']);
    expect(await page.locator('[data-testid=member-balance]').textContent()).toContain('300.00');
    await settled();
    await shoot('en-member-replaced');

    const found = MemberList.parse(await (await f.app.request(`/members?q=${encodeURIComponent('孙丽华')}`, bearer(await signInOffice(f, 'hq@demo.pos')))).json());
    const newCard = found.items[0]!.cardNo!;
    expect(newCard).not.toBe(demoCardNo(905));
    expect((await f.app.request(`/members/lookup?code=${newCard}`, bearer(await signInOffice(f, 's001@demo.pos')))).status).toBe(200);
  });

  it('shows the member screens in Chinese without serious accessibility findings', async () => {
    await signIn('zh-CN', '#/office/members');
    await page.locator('[data-testid=members-table] .ant-table-row').first().waitFor();
    await settled();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('zh-members');
    await page.locator('#member-search').fill('赵建国');
    await page.locator('[data-testid=members-table] a', { hasText: '赵建国' }).click();
    await page.locator('[data-testid=member-children]').waitFor();
    await settled();
    expect(await page.locator('[data-testid=member-children] .ant-table-row').count()).toBe(2);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shoot('zh-member-family');
  });

  it('HQ sees the look-alike members to merge, in both languages', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 900 } });
      await context.addInitScript((saved) => localStorage.setItem('pos-till-locale', saved), locale);
      page = await context.newPage();
      await page.goto(`${hq.url}/#/office`);
      await page.fill('input[type=email]', 'hq@demo.pos');
      await page.fill('input[type=password]', DEMO_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('.office-menu');
      await page.goto(`${hq.url}/#/office/member-duplicates`);
      await page.locator('[data-testid=member-duplicates] .ant-card').first().waitFor();
      await settled();
      expect(await page.locator('[data-testid=member-duplicates]').textContent()).toContain('吴海燕');
      expect(await seriousAccessibilityFindings(page)).toEqual([]);
      await shoot(`${locale}-member-duplicates`);
      if (locale === 'en') await page.context().close();
    }
  });
});
