import { PushResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { plainProducts, saleWithClerks } from '../support/commission-sales';
import { json, pairTill } from '../support/fixture';
import { openSellingTill, startTillHarness, type TillHarness } from './till-page';

let h: TillHarness;

beforeAll(async () => {
  h = await startTillHarness();
  await openSellingTill(h.page, h.f, h.hq.url);
}, 240_000);
afterAll(() => h.close());

describe('a clerk’s own month at the till', () => {
  it('shows the signed-in clerk their sales and commission so far, from HQ, and passes axe in both languages', async () => {
    const { f, page } = h;
    // Earlier today another till of the store sold ¥100.00 for clerk 0012: 1% while below their target.
    const till = await pairTill(f, 'S001', 1);
    const [P] = await plainProducts(f);
    const sale = saleWithClerks(f, till, new Date(Date.now() - 60_000).toISOString(), [{ product: P, units: 1, unitMinor: 10_000, shares: [[f.clerkIds['0012']!, 10_000]] }]);
    const pushed = await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken));
    expect(PushResponse.parse(await pushed.json()).results[0]!.status).toBe('accepted');

    await page.getByTestId('status-clerk').click();
    await page.getByTestId('my-month-figures').waitFor();
    expect(await page.getByTestId('my-month-sales').textContent()).toContain('100.00');
    expect(await page.getByTestId('my-month-total').textContent()).toContain('1.00');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (process.env.OFFICE_SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.OFFICE_SCREENSHOTS_DIR}/en-till-my-month.png` });
    await page.getByTestId('my-month-close').click();

    await page.getByTestId('language-switch').click();
    await page.getByTestId('status-clerk').click();
    await page.getByTestId('my-month-figures').waitFor();
    expect(await page.locator('#my-month-title').textContent()).toContain('本月业绩');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (process.env.OFFICE_SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.OFFICE_SCREENSHOTS_DIR}/zh-CN-till-my-month.png` });
  });
});
