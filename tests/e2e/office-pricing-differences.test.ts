import { pricedBehind } from '@pos/hq-server/seed/demo-points';
import { DiscrepancyList, PushResponse } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { json, makeSale, pairTill } from '../support/fixture';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();

describe('pricing differences in the office', () => {
  it('shows a sale the till priced behind HQ with its store, receipt, item and difference, to HQ and to the store’s franchisee, filtered to tills behind', async () => {
    const { f } = suite;
    const till = await pairTill(f, 'S004');
    const sale = pricedBehind(makeSale(f, till, '0042', { lines: 1 }));
    const pushed = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).json());
    expect(pushed.results.map((r) => r.status)).toEqual(['accepted']);
    const [listed] = (await suite.hqGet(`/pricing/discrepancies?saleId=${sale.id}`, DiscrepancyList)).items;
    expect(listed).toMatchObject({ receiptNo: sale.receiptNo, storeCode: 'S004', tillBehind: true, tillMinor: sale.lines[0]!.netMinor, product: { id: sale.lines[0]!.productId } });

    const hq = await suite.open({ email: 'hq@demo.pos', locale: 'en', hash: '#/office/pricing-differences' });
    const row = hq.locator('[data-testid=pricing-differences-table] tr.ant-table-row', { hasText: sale.receiptNo });
    await row.waitFor();
    expect(await row.textContent()).toContain(listed!.product!.sku);
    expect(await row.getByTestId('pricing-difference-behind').textContent()).toBe('Till behind');
    expect(await row.getByTestId('pricing-difference-amount').textContent()).toBe(`${listed!.differenceMinor > 0 ? '+' : ''}¥${(listed!.differenceMinor / 100).toFixed(2)}`);
    await hq.getByTestId('pricing-differences-behind').check();
    await expect.poll(() => hq.locator('[data-testid=pricing-differences-table] tr.ant-table-row').count()).toBe(1);
    expect(await hq.getByTestId('pricing-differences-summary').textContent()).toBe('1 difference(s), 1 where the till was behind');
    expect(await seriousAccessibilityFindings(hq)).toEqual([]);
    await saveShot(hq, 'en-pricing-differences');

    // The east franchisee sees their own store's; in Chinese.
    const east = await suite.open({ email: 'east@demo.pos', locale: 'zh-CN', hash: '#/office/pricing-differences' });
    const theirs = east.locator('[data-testid=pricing-differences-table] tr.ant-table-row', { hasText: sale.receiptNo });
    await theirs.waitFor();
    expect(await theirs.getByTestId('pricing-difference-behind').textContent()).toBe('收银机数据落后');
    expect(await east.getByRole('heading', { level: 1 }).textContent()).toBe('价格差异');
    expect(await seriousAccessibilityFindings(east)).toEqual([]);
    await saveShot(east, 'zh-pricing-differences');
  });
});
