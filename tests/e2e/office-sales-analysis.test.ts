import { PushResponse, type PairedDevice, type Sale } from '@pos/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { chooseOption } from './antd-select';
import { saleWithClerks } from '../support/commission-sales';
import { json, pairTill, signInOffice } from '../support/fixture';
import { createPromotion, ruleOf } from '../support/pricing-setup';
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
  const results = PushResponse.parse(await res.json()).results;
  expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
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
    await book.xlsx.load(new Uint8Array(Buffer.concat(await (await download.createReadStream()).toArray())).buffer);
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

  it('shows what a promotion cost against what its goods sold before it, to HQ with its return and to a franchisee without cost', async () => {
    const { f } = suite;
    const hqToken = await signInOffice(f, 'hq@demo.pos');
    const product = f.catalog[12]!;
    const promotion = await createPromotion(f, hqToken, ruleOf('item_discount', '周末八折 Weekend 20% off', { productIds: [product.id], offer: { type: 'percent_off', percentBp: 2000 }, unitLimit: null }));
    const till = await pairTill(f, 'S004', 1);
    const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString();
    const sold = (back: number, units: number, off: boolean): Sale => {
      const sale = saleWithClerks(f, till, day(back), [{ product: 12, units, unitMinor: 1000, shares: [] }]);
      if (!off) return sale;
      const line = sale.lines[0]!;
      const discount = line.grossMinor / 5;
      sale.lines = [{ ...line, discountMinor: discount, netMinor: line.grossMinor - discount, adjustments: [{ ruleId: promotion.id, ruleName: 'Weekend 20% off', amountMinor: discount }] }] as Sale['lines'];
      const total = line.grossMinor - discount;
      return { ...sale, subtotalMinor: line.grossMinor, discountMinor: discount, totalMinor: total, payments: [{ ...sale.payments[0]!, amountMinor: total, tenderedMinor: total }] } as Sale;
    };
    await push(till, [sold(5, 1, false), sold(4, 2, false), sold(3, 4, true), sold(2, 5, true)]);

    const page = await suite.open({ email: 'hq@demo.pos', hash: '#/office/promotion-return' });
    const row = page.getByTestId('promotion-return-table').locator('.ant-table-row', { hasText: 'Weekend 20% off' });
    await row.waitFor();
    // 9 units at 8.00 over the two days it ran, against 3 units at 10.00 the two days before; 18.00 given away.
    expect(await row.textContent()).toContain('¥18.00');
    expect(await row.textContent()).toContain('¥72.00');
    expect(await row.textContent()).toContain('▲ +140.0%');
    expect(await page.locator('th').allTextContents()).toEqual(expect.arrayContaining(['Margin uplift', 'Return']));
    expect(await page.locator('.office-echart svg').count()).toBe(1);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'promotion-return-hq-en-1366');

    const east = await suite.open({ email: 'east@demo.pos', locale: 'zh-CN', hash: '#/office/promotion-return', viewport: { width: 1920, height: 1080 } });
    await east.getByTestId('promotion-return-table').locator('.ant-table-row', { hasText: 'Weekend 20% off' }).waitFor();
    expect(await east.locator('th').allTextContents()).not.toContain('毛利增长');
    await saveShot(east, 'promotion-return-franchisee-zh-1920');
  });
});
