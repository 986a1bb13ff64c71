import { PushResponse, type PairedDevice, type Sale } from '@pos/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { chooseOption } from './antd-select';
import { saleWithClerks } from '../support/commission-sales';
import { json, pairTill } from '../support/fixture';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();

const pad = (n: number) => String(n).padStart(2, '0');
/** The first day of the month `back` months before this one, as YYYY-MM. */
function monthBefore(back: number): string {
  const now = new Date();
  const at = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}`;
}
const lastDay = (month: string) => `${month}-${pad(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0).getDate())}`;

async function push(till: PairedDevice, sales: Sale[]): Promise<void> {
  const res = await suite.f.app.request('/sync/push', json({ documents: sales }, till.deviceToken));
  expect(PushResponse.parse(await res.json()).results.map((r) => r.status)).toEqual(sales.map(() => 'accepted'));
}

/** Screen text of an amount, e.g. `¥1,234.50`, as fen. */
const fen = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);

describe('sales analysis in the office', () => {
  it('lets a franchisee compare last month with the month before, drill from a store to a category’s products to one ticket, and export what the screen shows', async () => {
    const { f } = suite;
    const [last, before] = [monthBefore(1), monthBefore(2)];
    const s004 = await pairTill(f, 'S004');
    const s005 = await pairTill(f, 'S005');
    const onS005 = (sale: Sale): Sale => ({ ...sale, cashierId: f.clerkIds['0052']! });
    await push(s004, [
      saleWithClerks(f, s004, `${last}-10T11:20:00+08:00`, [{ product: 5, units: 2, unitMinor: 1250, shares: [] }, { product: 40, units: 1, unitMinor: 800, shares: [] }]),
      saleWithClerks(f, s004, `${last}-21T18:05:00+08:00`, [{ product: 5, units: 1, unitMinor: 1250, shares: [] }]),
      saleWithClerks(f, s004, `${before}-15T10:00:00+08:00`, [{ product: 5, units: 2, unitMinor: 1250, shares: [] }]),
    ]);
    await push(s005, [onS005(saleWithClerks(f, s005, `${last}-12T15:40:00+08:00`, [{ product: 9, units: 3, unitMinor: 600, shares: [] }]))]);

    const page = await suite.open({ email: 'east@demo.pos', hash: '#/office/sales-analysis' });
    const total = page.getByTestId('analysis-total');
    await total.waitFor();
    expect(await page.getByTestId('analysis-periods').textContent()).toBe(
      `This period: ${last}-01 – ${lastDay(last)} · Period before: ${before}-01 – ${lastDay(before)} · A year earlier: ${Number(last.slice(0, 4)) - 1}${last.slice(4)}-01 – ${lastDay(`${Number(last.slice(0, 4)) - 1}${last.slice(4)}`)}`,
    );
    // Last month 2 × 12.50 + 8.00, 12.50 and 3 × 6.00: 63.50 over three tickets; the month before 25.00.
    expect(await page.getByTestId('analysis-kpi-sales').textContent()).toContain('¥63.50');
    expect(await page.getByTestId('analysis-kpi-sales').textContent()).toContain('▲ +154.0%');
    expect(await page.getByTestId('analysis-kpi-tickets').textContent()).toContain('3');
    expect(await page.getByTestId('analysis-kpi-sales').textContent()).not.toContain('Gross margin');
    expect(await page.locator('.office-echart svg').count()).toBe(2);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'sales-analysis-franchisee-en-1366');

    await page.getByTestId('analysis-drill').filter({ hasText: 'S004' }).click();
    await page.locator('.office-trail').getByText('Store: ').waitFor();
    // Down the category tree until the products, then a product's tickets.
    for (let depth = 0; depth < 5 && !(await page.locator('.ant-drawer-open').count()); depth++) {
      const before = await page.locator('.office-trail li').count();
      await page.getByTestId('analysis-drill').first().click();
      await page.waitForFunction((n) => document.querySelectorAll('.office-trail li').length > n || document.querySelector('.ant-drawer-open') !== null, before);
    }
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('.ant-table-row').first().waitFor();
    expect(await drawer.locator('.ant-drawer-title').textContent()).toContain('Tickets with');
    expect(await drawer.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await drawer.locator('.ant-table-row').first().click();
    const lines = drawer.getByTestId('analysis-ticket-lines');
    await lines.waitFor();
    expect(await lines.textContent()).toMatch(/¥\d/);
    await saveShot(page, 'sales-analysis-ticket-en-1366');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' }).catch(() => drawer.waitFor({ state: 'hidden' }));

    await page.locator('.office-trail-link').first().click();
    await page.getByTestId('analysis-drill').filter({ hasText: 'S004' }).waitFor();
    const screenTotal = fen((await total.locator('td').nth(1).textContent())!);
    expect(screenTotal).toBe(6350);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analysis-export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`sales-store_${last}-01_${lastDay(last)}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()));
    const sheet = book.getWorksheet('Sales analysis')!;
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(2).value).toBe('Total');
    expect(Math.round(Number(totalRow.getCell(3).value) * 100)).toBe(screenTotal);
    const storeRows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 2));
    expect(storeRows.map((r) => r.getCell(1).value)).toEqual(['S004', 'S005']);
    expect(storeRows.reduce((n, r) => n + Math.round(Number(r.getCell(3).value) * 100), 0)).toBe(screenTotal);
  });

  it('shows HQ the chain with margin, in Chinese, readable on a wide screen and a laptop', async () => {
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
      const page = await suite.open({ email: 'hq@demo.pos', locale: 'zh-CN', hash: '#/office/sales-analysis', viewport });
      await page.getByTestId('analysis-total').waitFor();
      expect(await page.getByTestId('analysis-kpi-margin').textContent()).toContain('毛利');
      expect(await page.locator('th').allTextContents()).toEqual(expect.arrayContaining(['销售额', '环比', '同比', '客流量', '毛利', '毛利率']));
      await saveShot(page, `sales-analysis-hq-zh-${viewport.width}`);
      await chooseOption(page, page.locator('.ant-select:has(#analysis-by)'), '时段');
      await page.getByText('分时段销售').waitFor();
      expect(await page.getByTestId('analysis-drill').count()).toBe(0);
      await saveShot(page, `sales-analysis-hq-zh-hours-${viewport.width}`);
      expect(await seriousAccessibilityFindings(page)).toEqual([]);
    }
  });
});
