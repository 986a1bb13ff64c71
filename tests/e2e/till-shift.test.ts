import type { RunningServer } from '@pos/hq-server/server';
import { shiftCloses, shifts } from '@pos/hq-server/shifts/shifts.tables';
import { DEMO_PASSWORD, DEMO_PIN } from '@pos/hq-server/seed/demo-org';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { startBridgeProcess, type BridgeProcess } from './bridge-process';
import { newTillPage, openSellingTill, pairWithBridge, scanToLines } from './till-page';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let bridge: BridgeProcess;
let browser: Browser;
let page: Page;

/** With E2E_SCREENSHOTS set, keeps the till at a step in English and Chinese, at 1366×768, 1024×768 and 800×600. */
async function snap(name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  const toggle = () => page.evaluate(() => (document.querySelector('[data-testid=language-switch]') as HTMLElement).click());
  for (const locale of ['en', 'zh']) {
    for (const [width, height] of [[1366, 768], [1024, 768], [800, 600]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${folder}/till-${name}-${locale}-${width}.png` });
    }
    await toggle();
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** With E2E_SCREENSHOTS set, keeps an office page in both languages at 1366×768 and 1024×768. */
async function snapOffice(office: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  for (const locale of ['en', 'zh-CN']) {
    await office.evaluate((saved) => localStorage.setItem('pos-till-locale', saved), locale);
    await office.reload();
    await office.locator('[data-testid=shifts-table] tr[data-shift-id]').first().waitFor();
    for (const width of [1366, 1024]) {
      await office.setViewportSize({ width, height: 768 });
      await office.screenshot({ path: `${folder}/office-shifts-${locale}-${width}.png` });
    }
    await office.locator('[data-testid=shifts-table] tr[data-shift-id]').first().click();
    await office.getByTestId('shift-drawer').locator('.ant-descriptions').first().waitFor();
    await office.screenshot({ path: `${folder}/office-${name}-${locale}-1024.png` });
    await office.setViewportSize({ width: 1366, height: 768 });
    await office.screenshot({ path: `${folder}/office-${name}-${locale}-1366.png` });
  }
}

const minorOf = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);
const yuan = (amount: number) => (amount / 100).toFixed(2);

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  bridge = await startBridgeProcess([hq.url]);
  browser = await launchBrowser();
  page = await newTillPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  await hq?.close();
  await database?.close();
});

async function sellForExactCash(barcodes: string[]): Promise<number> {
  for (const [i, code] of barcodes.entries()) await scanToLines(page, code, i + 1);
  const total = minorOf(await page.getByTestId('basket-total').textContent());
  await page.getByTestId('tender-exact').click();
  await page.getByTestId('complete-button').click();
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
  return total;
}

describe('a shift from float to Z report', () => {
  let sold = 0;
  let shiftId = '';
  const float = 50_000;
  const cashOut = 1_250;

  it('asks for the float after sign-in, and sells only once the shift is open', async () => {
    await page.addInitScript(() => localStorage.setItem('pos-till-locale', 'en'));
    await openSellingTill(page, f, hq.url, bridge.url, 0, yuan(float));
    shiftId = (await page.getByTestId('shift-strip').getAttribute('data-shift-id'))!;
    expect(shiftId).toMatch(/^[0-9a-f-]{36}$/);
    await pairWithBridge(page, bridge.pairingCode());
    sold += await sellForExactCash([f.catalog[0]!.barcode, f.catalog[1]!.barcode]);
    sold += await sellForExactCash([f.catalog[2]!.barcode]);
    await expect.poll(async () => (await f.deps.db.select().from(shifts).where(and(eq(shifts.chainId, f.chainId), eq(shifts.id, shiftId)))).length, { timeout: 30_000 }).toBe(1);
  });

  it('takes cash out with a reason after a manager approves the key', async () => {
    await page.keyboard.press('Alt+M');
    const approval = page.locator('[data-testid=approval-dialog][open]');
    await approval.waitFor();
    await approval.getByTestId('approval-code').fill('0011');
    await approval.getByTestId('approval-pin').fill(DEMO_PIN);
    await approval.getByTestId('approval-submit').click();
    await page.getByTestId('cash-dialog').waitFor({ state: 'visible' });
    await page.getByTestId('cash-out').click();
    await page.getByTestId('cash-reason').selectOption({ label: 'Petty cash' });
    await page.getByTestId('cash-amount').fill(yuan(cashOut));
    await page.getByTestId('cash-note').fill('Cleaning supplies');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await snap('cash-out');
    await page.getByTestId('cash-submit').click();
    await page.getByTestId('cash-dialog').waitFor({ state: 'hidden' });
  });

  it('prints an X report through the bridge without closing the shift', async () => {
    const before = bridge.jobs().length;
    await page.keyboard.press('Alt+X');
    const x = await bridge.waitForJob(before + 1, 30_000);
    expect(x.text).toContain('X REPORT');
    expect(x.text).toMatch(new RegExp(`Expected\\s+${yuan(float + sold - cashOut).replace('.', '\\.')}`));
    expect(await page.getByTestId('shift-strip').getAttribute('data-shift-id')).toBe(shiftId);
  });

  it('closes with a blind count, shows the difference and prints the Z report the bridge decodes', async () => {
    const expected = float + sold - cashOut;
    const counted = expected - 100;
    await page.keyboard.press('Alt+Z');
    await page.getByTestId('close-dialog').waitFor({ state: 'visible' });
    const blind = await page.getByTestId('close-dialog').textContent();
    expect(blind).not.toContain(yuan(expected));
    await page.getByTestId('count-mode-denominations').click();
    await page.getByTestId('count-face-10000').fill(String(Math.floor(counted / 10_000)));
    await page.getByTestId('count-mode-total').click();
    await page.getByTestId('count-total').fill(yuan(counted));
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await snap('blind-count');
    const before = bridge.jobs().length;
    await page.getByTestId('close-submit').click();
    await page.getByTestId('shift-closed').waitFor();
    expect(await page.getByTestId('closed-difference').getAttribute('data-minor')).toBe('-100');
    expect(minorOf(await page.getByTestId('closed-expected').textContent())).toBe(expected);

    const z = await bridge.waitForJob(before + 1, 30_000);
    expect(z.text).toContain('Z REPORT');
    expect(z.text).toMatch(new RegExp(`Net\\s+${yuan(sold).replace('.', '\\.')}`));
    expect(z.text).toMatch(new RegExp(`Cash out\\s+-${yuan(cashOut).replace('.', '\\.')}`));
    expect(z.text).toMatch(new RegExp(`Expected\\s+${yuan(expected).replace('.', '\\.')}`));
    expect(z.text).toMatch(new RegExp(`Counted\\s+${yuan(counted).replace('.', '\\.')}`));
    expect(z.text).toMatch(/Variance\s+-1\.00/);
    await page.locator('[data-testid="report-status"][data-via="bridge"]').waitFor({ timeout: 15_000 });
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await snap('z-report');

    await expect.poll(async () => (await f.deps.db.select().from(shiftCloses).where(and(eq(shiftCloses.chainId, f.chainId), eq(shiftCloses.shiftId, shiftId))))[0]?.differenceMinor, { timeout: 60_000 }).toBe(-100);
    await page.getByTestId('shift-next').click();
    await page.getByTestId('float-total').waitFor();
    await snap('shift-open');
  });

  it('shows the shift with its difference on the office’s shifts screen', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1366, height: 768 } });
    const office = await context.newPage();
    await office.goto(`${hq.url}/#/office`);
    await office.fill('input[type=email]', 'hq@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    await office.waitForSelector('.office-menu');
    await office.goto(`${hq.url}/#/office/shifts`);
    const row = office.locator(`[data-testid=shifts-table] tr[data-shift-id="${shiftId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('shift-difference').getAttribute('data-minor')).toBe('-100');
    await row.click();
    await office.getByTestId('shift-drawer').locator('.ant-descriptions').first().waitFor();
    expect(await office.getByTestId('shift-drawer').textContent()).toContain('Petty cash');
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await snapOffice(office, 'shift-drawer');
    await context.close();
  });
});
