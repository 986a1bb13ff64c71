import type { RunningServer } from '@pos/hq-server/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { createSeededFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { startBridgeProcess, type BridgeProcess } from './bridge-process';
import { openSellingTill } from './till-page';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let bridge: BridgeProcess;
let browser: Browser;
let page: Page;

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the till at each step. */
const snap = async (name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png` });
};

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await startHq(f);
  bridge = await startBridgeProcess([hq.url]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  await hq?.close();
  await database?.close();
});

const lines = () => page.getByTestId('basket-line').count();
const amount = (text: string | null) => (text ?? '').replace(/[^\d.]/g, '');

async function completeExactCash(): Promise<string> {
  const total = amount(await page.getByTestId('basket-total').textContent());
  await page.getByTestId('tender-exact').click();
  await page.getByTestId('complete-button').click();
  await expect.poll(lines).toBe(0);
  return total;
}

describe('the till with its hardware bridge', () => {
  it('pairs with the bridge through the status bar and shows its devices', async () => {
    await openSellingTill(page, f, hq.url, bridge.url);
    await page.getByTestId('bridge-status').and(page.locator('[data-state="unpaired"]')).click({ timeout: 30_000 });
    await page.getByTestId('bridge-code-input').fill(bridge.pairingCode());
    await snap('bridge-pairing-dialog');
    await page.getByTestId('bridge-pair-button').click();
    await page.locator('[data-testid="bridge-status"][data-state="ready"]').waitFor({ timeout: 15_000 });
    for (const kind of ['printer', 'scanner', 'card_reader']) await page.getByTestId(`bridge-device-${kind}`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('bridge-device-printer').getAttribute('data-problems')).toBe('');
  });

  it('adds the line for a scan from the simulated scanner, and a wedge scan into the scan field once', async () => {
    const [first, second] = f.catalog;
    expect(await bridge.cli('scan', first!.barcode)).toContain('scanned');
    await expect.poll(lines, { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('basket-line').first().textContent()).toContain(first!.barcode);

    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await expect.poll(focused, { timeout: 5000 }).toBe('scan-input');
    await page.keyboard.type(`${second!.barcode}\n`, { delay: 3 });
    await expect.poll(lines, { timeout: 10_000 }).toBe(2);
    await page.waitForTimeout(300);
    expect(await lines()).toBe(2);
    await snap('bridge-connected');
  });

  it('takes a badge from the simulated scanner in the clerk dialog as the clerk for new lines, adding no line', async () => {
    await page.keyboard.press('F11');
    await page.locator('[data-testid="clerk-dialog"][open]').waitFor();
    expect(await bridge.cli('scan', '88000015')).toContain('scanned');
    await page.locator('[data-testid="clerk-dialog"][open]').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('clerk-strip-name').textContent()).toContain('0015');
    expect(await lines()).toBe(2);
  });

  it('prints the receipt with the total and kicks the drawer after a cash sale; F8 prints a marked copy', async () => {
    // Under load the socket may be reconnecting; the till would then rightly print in the browser.
    await page.locator('[data-testid="bridge-status"][data-state="ready"]').waitFor({ timeout: 30_000 });
    const before = bridge.jobs().length;
    const total = await completeExactCash();
    const receipt = await bridge.waitForJob(before + 1, 30_000);
    expect(receipt.text).toMatch(new RegExp(`TOTAL.*${total.replace('.', '\\.')}`));
    expect(receipt.text).toContain('[drawer kick');
    await page.locator('[data-testid="receipt-status"][data-via="bridge"]').waitFor();

    await page.keyboard.press('F8');
    const copy = await bridge.waitForJob(before + 2, 30_000);
    expect(copy.text).toContain('REPRINT');
    expect(copy.text).not.toContain('[drawer kick');
  });

  it('shows a printer out of paper in the status bar, in both languages', async () => {
    await bridge.cli('paper', 'out');
    const printer = page.getByTestId('bridge-device-printer');
    await expect.poll(() => printer.getAttribute('data-problems'), { timeout: 15_000 }).toBe('paperOut');
    expect(await printer.textContent()).toContain('paper out');
    await page.getByTestId('language-switch').click();
    expect(await printer.textContent()).toContain('缺纸');
    await snap('bridge-paper-out-zh');
    await page.getByTestId('language-switch').click();
    await bridge.cli('paper', 'in');
    await expect.poll(() => printer.getAttribute('data-problems'), { timeout: 15_000 }).toBe('');
  });

  it('with no bridge, keeps selling and shows the receipt on screen for the browser to print', async () => {
    await bridge.stop();
    await page.locator('[data-testid="bridge-status"]:not([data-state="ready"])').waitFor({ timeout: 15_000 });
    await page.getByTestId('scan-input').fill(f.catalog[2]!.barcode);
    await page.getByTestId('scan-input').press('Enter');
    await expect.poll(lines).toBe(1);
    const total = await completeExactCash();
    await page.locator('[data-testid="receipt-status"][data-via="browser"]').waitFor();
    expect(await page.getByTestId('receipt-paper').textContent()).toMatch(new RegExp(`TOTAL.*${total.replace('.', '\\.')}`));
    await snap('no-bridge-receipt');
  });
});
