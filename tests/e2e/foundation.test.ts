import { sales } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { businessDate, StoreDayReport } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, signInOffice, type Fixture } from '../support/fixture';
import { openSellingTill } from './till-page';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await hq?.close();
  await database?.close();
});

/** The test may run across midnight in Shanghai, so the report spans the days either side. */
const dayAround = (offsetDays: number) => businessDate(new Date(Date.now() + offsetDays * 86_400_000), 'Asia/Shanghai');

let officeToken: string | undefined;

async function reportTickets(): Promise<number> {
  officeToken ??= await signInOffice(f, 'hq@demo.pos');
  const token = officeToken;
  const res = await f.app.request(`/reports/store-day?from=${dayAround(-1)}&to=${dayAround(1)}&storeId=${f.storeIds.S001}`, { headers: { authorization: `Bearer ${token}` } });
  return StoreDayReport.parse(await res.json()).totals.tickets;
}

async function sell(barcodes: string[]): Promise<void> {
  const before = await page.getByTestId('last-sale-summary').textContent().catch(() => null);
  for (const [i, code] of barcodes.entries()) {
    await page.getByTestId('scan-input').fill(code);
    await page.getByTestId('scan-input').press('Enter');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(i + 1);
  }
  await page.getByTestId('tender-exact').click();
  await page.getByTestId('complete-button').click();
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
  await expect.poll(() => page.getByTestId('last-sale-summary').textContent()).not.toBe(before);
}

const unsent = () => page.getByTestId('outbox-count').getAttribute('data-unsent').then(Number);

describe('one sale from till to HQ report', () => {
  it('pairs a till, signs a clerk in, and sells twice for cash into the HQ report', async () => {
    await openSellingTill(page, f, hq.url);

    await sell([f.catalog[0]!.barcode]);
    await sell([f.catalog[1]!.barcode, f.catalog[2]!.barcode]);
    await expect.poll(unsent, { timeout: 30_000 }).toBe(0);
    await expect.poll(reportTickets, { timeout: 30_000 }).toBe(2);
  });

  it('keeps selling with HQ stopped, and every sale arrives exactly once when HQ is back', async () => {
    const port = new URL(hq.url).port;
    await hq.close();
    for (let i = 0; i < 3; i++) await sell([f.catalog[10 + i]!.barcode]);
    await expect.poll(() => page.getByTestId('online-indicator').getAttribute('data-state'), { timeout: 30_000 }).toBe('offline');
    await expect.poll(unsent, { timeout: 10_000 }).toBe(3);

    hq = await startHq(f, Number(port));
    await expect.poll(unsent, { timeout: 120_000, interval: 1000 }).toBe(0);
    await expect.poll(reportTickets, { timeout: 30_000 }).toBe(5);
    const [counted] = await f.deps.db.select({ n: sql<number>`count(*)::int`, ids: sql<number>`count(distinct id)::int` }).from(sales).where(eq(sales.storeId, f.storeIds.S001!));
    expect(counted).toEqual({ n: 5, ids: 5 });
  });
});
