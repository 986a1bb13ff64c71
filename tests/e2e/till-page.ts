import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PIN, type Fixture } from '../support/fixture';

/** Opens the till (against a bridge address, when given), pairs it with HQ through the pairing screen and signs clerk `0012` in. */
export async function openSellingTill(page: Page, f: Fixture, hqUrl: string, bridgeUrl?: string, tillIndex = 0): Promise<void> {
  const devices = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds.S001!))).orderBy(tillDevices.code);
  const code = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await rearmPairingCode(f.deps, f.chainId, devices[tillIndex]!.id, code, 30);
  await page.goto(bridgeUrl ? `${hqUrl}/?bridge=${encodeURIComponent(bridgeUrl)}` : hqUrl);
  await page.getByTestId('pairing-code-input').fill(code);
  await page.getByTestId('pair-button').click();
  await page.getByTestId('clerk-code-input').waitFor({ timeout: 60_000 });
  await page.getByTestId('clerk-code-input').fill('0012');
  await page.getByTestId('pin-input').fill(DEMO_PIN);
  await page.getByTestId('sign-in-button').click();
  await page.getByTestId('scan-input').waitFor({ timeout: 30_000 });
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
