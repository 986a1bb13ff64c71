import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { ean13CheckDigit } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type Fixture } from '../support/fixture';
import { openSellingTill, scanCode, startTillHarness, tillStoreSales, type TillHarness } from './till-page';

const SCREENSHOT = process.env.TILL_SCREENSHOT;
/** The demo chain's price layout `2FPPPPPVVVVVC`: flag 0, item 10001 (loose mixed nuts), ¥12.50. */
const PRICE_LABEL = `201000101250${ean13CheckDigit('201000101250')}`;

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let page: Page;

beforeAll(async () => {
  harness = await startTillHarness(async (fixture, office) => {
    const res = await fixture.app.request(`/assortments/${fixture.storeIds.S001}`, { ...json({ mode: 'all_except', productIds: [fixture.catalog[3]!.id] }, office), method: 'PUT' });
    expect(res.status).toBe(200);
  });
  ({ f, hq, page } = harness);
});

afterAll(() => harness?.close());

const storeSales = () => tillStoreSales(f);

describe('scale labels and the store’s assortment on the till', () => {
  it('puts the price a scale label prints on the line, refuses a product the store does not carry, and HQ agrees with the sale', async () => {
    await openSellingTill(page, f, hq.url);

    await scanCode(page, PRICE_LABEL);
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1);
    expect(await page.getByTestId('basket-line-amount').first().textContent()).toContain('12.50');

    await scanCode(page, f.catalog[3]!.barcode);
    await expect.poll(() => page.getByTestId('sell-error').textContent()).toContain(f.catalog[3]!.barcode);
    expect(await page.getByTestId('sell-error').textContent()).toMatch(/does not carry|不经营/);
    expect(await page.getByTestId('basket-line').count()).toBe(1);
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    await page.getByTestId('tender-exact').click();
    await page.getByTestId('complete-button').click();
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
    await expect.poll(async () => (await storeSales()).length, { timeout: 60_000 }).toBe(1);
    const [sale] = await storeSales();
    expect(Number(sale!.totalMinor)).toBe(1250);
    const [found] = await f.deps.db.select({ n: sql<number>`count(*)::int` }).from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, sale!.id));
    expect(found!.n).toBe(0);
  });
});
