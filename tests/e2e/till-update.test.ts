import type { RunningServer } from '@pos/hq-server/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIET_BEFORE_INSTALL_MS } from '../../pos-client/src/sw/install-decision';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { ensureTillBuiltAs } from './till-build';
import { newTillPage, openSellingTill, scanToLines, tillStoreSales } from './till-page';

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the status bar with an update waiting, in English and Chinese. */
const SHOTS = process.env.E2E_SCREENSHOTS;
const NEXT_BUILD = 'next';

let nextBuild: string;
let database: TestDatabase;
let f: Fixture;
/** HQ serving the till; started again on the same address with the next build during the test. */
let hq: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  nextBuild = ensureTillBuiltAs(NEXT_BUILD);
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  browser = await launchBrowser();
  page = await newTillPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  await database?.close();
});

const lines = () => page.getByTestId('basket-line').count();
/** The build the page was loaded from, by the marker in its index.html (none in the ordinary build). */
const buildOfPage = () => page.evaluate(() => document.querySelector('meta[name="pos-build"]')?.getAttribute('content') ?? null).catch(() => 'navigating');
/** Whether the page is still the one the test marked, i.e. the till has not reloaded. */
const samePage = () => page.evaluate(() => 'keptFromBefore' in window).catch(() => false);

/** The sales, their outbox entries and the tickets (open and held) in the till's own database, read with IndexedDB itself. */
const readTill = () =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pos-till');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<{ [key: string]: unknown }[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [tickets, journal, outbox] = await Promise.all([all('tickets'), all('journal'), all('outbox')]);
    db.close();
    const linesOf = (row: { [key: string]: unknown }) => (row.ticket as { basket: { lines: unknown[] } }).basket.lines.length;
    return {
      openLines: tickets.filter((row) => row.held === null).map(linesOf),
      heldLines: tickets.filter((row) => row.held !== null).map(linesOf),
      sales: journal.map((sale) => sale.id as string),
      saleOutbox: outbox.filter((entry) => entry.kind === 'sale').map((entry) => entry.id as string),
    };
  });

/** The till in English and Chinese at the screen sizes stores have; the language is switched without a key or touch, which would count as the cashier's. */
async function shootStatusBar(name: string, sizes = [{ width: 1366, height: 768 }, { width: 1024, height: 768 }, { width: 800, height: 600 }]): Promise<void> {
  if (!SHOTS) return;
  for (const size of sizes) {
    await page.setViewportSize(size);
    for (const locale of ['en', 'zh-CN']) {
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${SHOTS}/${name}-${locale}-${size.width}.png` });
      await page.evaluate(() => (document.querySelector('[data-testid="language-switch"]') as HTMLButtonElement).click());
    }
  }
  await page.setViewportSize(sizes[0]!);
}

describe('a new version of the till, deployed during a sale', () => {
  it('is downloaded at once, waits while the basket is open, and installs after the sale with the sale kept once and the held basket kept', async () => {
    await openSellingTill(page, f, hq.url);
    // The first worker takes the page it was installed from, so this very session learns of new versions.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    expect(await buildOfPage()).not.toBe(NEXT_BUILD);

    await scanToLines(page, f.catalog[30]!.barcode, 1);
    await page.keyboard.press('Insert');
    await expect.poll(() => page.getByTestId('held-count').textContent()).toBe('1');
    await scanToLines(page, f.catalog[31]!.barcode, 1);
    await scanToLines(page, f.catalog[32]!.barcode, 2);
    await page.evaluate(() => Object.assign(window, { keptFromBefore: true }));

    // The deployment: HQ comes back on the same address serving the next build; the till regains the network and looks.
    const port = Number(new URL(hq.url).port);
    await hq.close();
    hq = await startHq(f, port, nextBuild);
    await page.context().setOffline(true);
    await page.context().setOffline(false);

    const waiting = page.getByTestId('update-waiting');
    await waiting.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');
    expect(await waiting.getAttribute('data-wait')).toBe('basket_open');
    expect(await waiting.innerText()).toBe('Update ready — installs after this sale');
    expect(await page.getByTestId('update-install').count()).toBe(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await shootStatusBar('update-waiting');
    expect(await waiting.innerText()).toBe('Update ready — installs after this sale');

    // Left alone well past the quiet period with lines on screen, the till keeps the version it runs.
    await page.waitForTimeout(QUIET_BEFORE_INSTALL_MS + 2_000);
    expect(await samePage()).toBe(true);
    expect(await lines()).toBe(2);
    expect(await buildOfPage()).not.toBe(NEXT_BUILD);

    const before = await tillStoreSales(f);
    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(lines).toBe(0);
    await page.getByTestId('last-sale-change').waitFor();
    // Nothing in progress now: the cashier could install by hand, and the till waits a little while the change is read.
    const install = page.getByTestId('update-install');
    await install.waitFor();
    expect(await install.getAttribute('data-wait')).toBe('recently_active');
    expect(await install.innerText()).toBe('Update ready — install now');
    await shootStatusBar('update-idle', [{ width: 1366, height: 768 }]);
    const sold = await readTill();
    expect(sold.sales).toHaveLength(1);
    expect(await samePage()).toBe(true);

    // Once the change has been on screen a while, the new version installs by itself and the till reloads into it.
    await expect.poll(samePage, { timeout: QUIET_BEFORE_INSTALL_MS + 20_000, interval: 250 }).toBe(false);
    await expect.poll(buildOfPage, { timeout: 30_000 }).toBe(NEXT_BUILD);
    await page.getByTestId('scan-input').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('update-waiting').count()).toBe(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await lines()).toBe(0);
    await expect.poll(() => page.getByTestId('held-count').textContent()).toBe('1');

    const after = await readTill();
    expect(after.sales).toEqual(sold.sales);
    expect(after.saleOutbox).toEqual(sold.sales);
    expect(after.heldLines).toEqual([1]);
    expect(after.openLines.every((count) => count === 0)).toBe(true);
    await expect.poll(async () => (await tillStoreSales(f)).filter((sale) => !before.some((b) => b.id === sale.id)).map((sale) => sale.id), { timeout: 60_000 }).toEqual(sold.sales);
  });
});
