import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readXlsx } from '@pos/hq-server/imports/read-file';
import { ClerkStatement, CommissionPeriodOverview, PushResponse } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { plainProducts, saleWithClerks } from '../support/commission-sales';
import { json, pairTill } from '../support/fixture';
import { makeReturn } from '../support/returns';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const PERIOD = '2026-10';

async function openCommission(locale: 'en' | 'zh-CN'): Promise<Page> {
  const page = await suite.open({ email: 'hq@demo.pos', locale, hash: '#/office/commission' });
  await page.locator('#commission-period').fill(PERIOD);
  await page.locator('[data-testid=commission-clerks] .ant-table-tbody tr:not(.ant-table-measure-row)').first().waitFor();
  return page;
}

describe('clerk commission in the office', () => {
  it('closes a month two clerks sold in, with a return the next day, and their statements and export hold the hand-worked figures', async () => {
    const { f } = suite;
    const till = await pairTill(f, 'S001');
    const [P, Q] = await plainProducts(f);
    const [A, B] = [f.clerkIds['0012']!, f.clerkIds['0013']!];
    // One basket: ¥99.99 shared 60/40 by A and B, and ¥50.00 of B's alone; one unit of the shared line comes back the next day.
    const sale = saleWithClerks(f, till, '2026-10-20T03:00:00.000Z', [
      { product: P, units: 3, unitMinor: 3333, shares: [[A, 6000], [B, 4000]] },
      { product: Q, units: 1, unitMinor: 5000, shares: [[B, 10_000]] },
    ]);
    const back = makeReturn(f, till, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    Object.assign(back, { completedAt: '2026-10-21T03:00:00.000Z' });
    const pushed = await f.app.request('/sync/push', json({ documents: [sale, back] }, till.deviceToken));
    expect(PushResponse.parse(await pushed.json()).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    const page = await openCommission('en');
    await page.getByTestId('commission-work').click();
    await page.locator('[data-testid=commission-clerks] .ant-table-row').first().waitFor();
    await page.getByTestId('commission-close').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('[data-testid=commission-stores] [data-status=closed]').first().waitFor();
    expect(await page.locator('[data-testid=commission-stores] [data-status=open]').count()).toBe(0);

    // By hand, at 1% (no target this month): A 59.99 → 0.60, less a third back 0.20 = 0.40; B 40.00 → 0.40 and 50.00 → 0.50, less 0.13 = 0.77.
    const overview = await suite.hqGet(`/commission/periods/${PERIOD}?storeId=${f.storeIds.S001}`, CommissionPeriodOverview);
    const byClerk = Object.fromEntries(overview.clerks.map((c) => [c.clerkId, [c.personalMinor, c.clawbackMinor, c.totalMinor]]));
    expect(byClerk[A]).toEqual([60, -20, 40]);
    expect(byClerk[B]).toEqual([90, -13, 77]);

    await page.locator('[data-testid=commission-clerk]', { hasText: '0013' }).click();
    await page.getByTestId('commission-statement-total').waitFor();
    expect(await page.getByTestId('commission-statement-total').textContent()).toContain('0.77');
    expect(await page.locator('[data-testid=commission-statement-lines] .ant-table-row').count()).toBe(2);
    expect(await page.locator('[data-testid=commission-statement-clawbacks] .ant-table-row').count()).toBe(1);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'en-commission-statement');

    const download = page.waitForEvent('download');
    await page.getByTestId('commission-statement-export').click();
    const file = join(tmpdir(), `commission-${Date.now()}.xlsx`);
    await (await download).saveAs(file);
    // The first sheet is the summary: HQ's own reader opens the file as a spreadsheet.
    const summary = await readXlsx(new Uint8Array(await readFile(file)));
    expect(summary.header).toContain('Total');
    expect(summary.rows[0]!.cells[summary.header.indexOf('Total')]).toBe('0.77');

    const statement = await suite.hqGet(`/commission/periods/${PERIOD}/clerks/${A}`, ClerkStatement);
    expect(statement).toMatchObject({ status: 'closed', figures: { totalMinor: 40 } });
  });

  it.each(['en', 'zh-CN'] as const)('shows the period and the plan editor without serious accessibility findings in %s', async (locale) => {
    const page = await openCommission(locale);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, `${locale}-commission-period`);
    await page.locator('[data-testid=commission-clerk]').first().click();
    await page.getByTestId('commission-statement-total').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, `${locale}-commission-statement-of-period`);
    await page.goto(`${suite.hq.url}/#/office/commission-plans`);
    await page.getByTestId('commission-plan').first().waitFor();
    await page.getByTestId('commission-plan-edit').first().click();
    await page.locator('#plan-name').waitFor();
    expect(await page.locator('[data-testid=commission-rule]').count()).toBe(4);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, `${locale}-commission-plan-editor`);
  });
});
