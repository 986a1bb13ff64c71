import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, DEMO_PIN, signInOffice, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';

/** Opens the till (against a bridge address, when given), pairs it with HQ through the pairing screen, signs clerk `0012` in and opens a shift with `float`. */
export async function openSellingTill(page: Page, f: Fixture, hqUrl: string, bridgeUrl?: string, tillIndex = 0, float = '0'): Promise<void> {
  const devices = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds.S001!))).orderBy(tillDevices.code);
  const code = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await rearmPairingCode(f.deps, f.chainId, devices[tillIndex]!.id, code, 30);
  await pairAndOpenShift(page, bridgeUrl ? `${hqUrl}/?bridge=${encodeURIComponent(bridgeUrl)}` : hqUrl, code, float);
}

/** Opens the till at `url`, pairs it with a one-time `code`, signs clerk `0012` in and opens a shift with `float`. */
export async function pairAndOpenShift(page: Page, url: string, code: string, float = '0'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('pairing-code-input').fill(code);
  await page.getByTestId('pair-button').click();
  await page.getByTestId('clerk-code-input').waitFor({ timeout: 60_000 });
  await page.getByTestId('clerk-code-input').fill('0012');
  await page.getByTestId('pin-input').fill(DEMO_PIN);
  await page.getByTestId('sign-in-button').click();
  await openShiftIfAsked(page, float);
}

/**
 * Selling needs an open shift: when the till asks for one after sign-in, opens it with the
 * float counted as a total (0 unless given), and waits for the sell screen. A colleague's shift
 * still open on the till is handed over first: closed with a count of 0, with the store
 * manager's approval when the clerk's role asks for one.
 */
export async function openShiftIfAsked(page: Page, float = '0'): Promise<void> {
  await page.locator('[data-testid="float-total"], [data-testid="scan-input"], [data-testid="shift-close"]').first().waitFor({ timeout: 30_000 });
  if ((await page.getByTestId('shift-close').count()) > 0) await closeColleaguesShift(page);
  if ((await page.getByTestId('float-total').count()) > 0) {
    await page.getByTestId('float-total').fill(float);
    await page.getByTestId('shift-open-button').click();
  }
  await page.getByTestId('scan-input').waitFor({ timeout: 30_000 });
}

/** Opens the shift's close dialog, with the store manager's approval when the key asks for it. */
export async function openShiftClose(page: Page): Promise<void> {
  await page.getByTestId('shift-close').click();
  await page.locator('[data-testid="close-dialog"][open], [data-testid="approval-dialog"][open]').first().waitFor();
  if ((await page.locator('[data-testid="approval-dialog"][open]').count()) > 0) {
    await page.getByTestId('approval-code').fill('0011');
    await page.getByTestId('approval-pin').fill(DEMO_PIN);
    await page.getByTestId('approval-submit').click();
  }
}

async function closeColleaguesShift(page: Page): Promise<void> {
  await openShiftClose(page);
  await page.getByTestId('count-total').fill('0');
  await page.getByTestId('close-submit').click();
  await page.getByTestId('shift-next').click();
  await page.getByTestId('float-total').waitFor({ timeout: 30_000 });
}

/** Syncs the till now, as a manager does from the status bar after a change at HQ, and waits for a pull to finish. */
export async function syncNow(page: Page): Promise<void> {
  const pulled = page.waitForResponse((res) => res.url().includes('/sync/pull'), { timeout: 30_000 });
  await page.getByTestId('last-sync').click();
  await (await pulled).finished();
}

/** Pairs the till with the bridge through the status bar's dialog, with the code the bridge console shows. */
export async function pairWithBridge(page: Page, code: string): Promise<void> {
  await page.locator('[data-testid="bridge-status"][data-state="unpaired"]').click({ timeout: 30_000 });
  await page.getByTestId('bridge-code-input').fill(code);
  await page.getByTestId('bridge-pair-button').click();
  await page.locator('[data-testid="bridge-status"][data-state="ready"]').waitFor({ timeout: 15_000 });
}

/** A till-sized page whose on-screen receipt does not open a print dialog: headless Chromium's stalls the page's lock callbacks, and no one prints here. */
export async function newTillPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  return page;
}

/** Types a code into the scan field and presses Enter, as a wedge scanner does. */
export async function scanCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('scan-input').fill(code);
  await page.getByTestId('scan-input').press('Enter');
}

/** A seeded HQ serving the till, and a browser page to sell on; `close` stops them all. */
export interface TillHarness {
  f: Fixture;
  hq: RunningServer;
  page: Page;
  /** Stops HQ, runs `whileStopped` (the till is cut off), and starts HQ again on the same port. */
  withHqStopped: (whileStopped: () => Promise<void>) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts a till test: a fresh database with the demo chain, what `prepare` sets up as HQ (with an office token), HQ itself and a till page. */
export async function startTillHarness(prepare: (f: Fixture, office: string) => Promise<void> = async () => undefined): Promise<TillHarness> {
  const { database, f } = await createLiveFixture();
  await prepare(f, await signInOffice(f, 'hq@demo.pos'));
  let hq = await startHq(f);
  const browser = await launchBrowser();
  const page = await newTillPage(browser);
  return {
    f, hq, page,
    withHqStopped: async (whileStopped) => {
      const port = Number(new URL(hq.url).port);
      await hq.close();
      await whileStopped();
      hq = await startHq(f, port);
    },
    close: async () => {
      await browser.close();
      await hq.close();
      await database.close();
    },
  };
}

/** Scans a code and waits for the basket to show `lines` lines. */
export async function scanToLines(page: Page, code: string, lines: number): Promise<void> {
  await scanCode(page, code);
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(lines);
}

/** The sales HQ holds for store S001, where the test till sells. */
export const tillStoreSales = (f: Fixture) => f.deps.db.select().from(sales).where(eq(sales.storeId, f.storeIds.S001!));
