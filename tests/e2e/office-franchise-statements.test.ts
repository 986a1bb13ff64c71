import { FranchiseStatementList } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { officeSuite, saveShot } from './office-world';

const suite = officeSuite();
const rows = '[data-testid=franchise-statements-table] .ant-table-row';
const lines = '[data-testid=statement-lines] .ant-table-row';

const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, .ant-popover:not(.ant-popover-hidden), .ant-message-notice').length === 0);

describe('franchise statements in the office', () => {
  it('HQ opens this month’s draft, adds and removes a fee, and previews another franchisee’s quarter', async () => {
    const page = await suite.open({ email: 'hq@demo.pos', locale: 'en', hash: '#/office/franchise-statements' });
    await page.locator(rows).first().waitFor();
    // The demo: East China Retail's last month approved, this month a draft (the latest period first).
    expect(await page.locator(rows).first().innerText()).toContain('Draft');
    expect(await page.locator(rows).nth(1).innerText()).toMatch(/Approved[\s\S]*pays HQ ¥/);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);

    await page.locator(`${rows} a`).first().click();
    await page.locator(lines).first().waitFor();
    const count = await page.locator(lines).count();
    await page.locator('#statement-line-amount').fill('12.50');
    await page.locator('#statement-line-reason').fill('Shelf labels');
    await page.getByTestId('statement-line-add').click();
    await page.locator(lines, { hasText: 'Fee: Shelf labels' }).waitFor();
    expect(await page.locator(lines).count()).toBe(count + 1);
    await settled(page);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'statements-en-hq-draft');
    await page.getByRole('button', { name: 'Remove “Shelf labels”' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Remove' }).click();
    await page.locator(lines, { hasText: 'Fee: Shelf labels' }).waitFor({ state: 'detached' });

    await page.getByText('All statements').click();
    await page.locator(rows).first().waitFor();
    await page.locator('#statement-franchisee').click();
    await page.locator('.ant-select-item-option:visible', { hasText: 'Westside' }).click();
    await page.locator('#statement-period').click();
    await page.locator('.ant-select-item-option:visible').first().click();
    await page.getByTestId('statement-preview').click();
    await page.locator(lines).first().waitFor();
    expect(await page.getByText('Preview, not saved').count()).toBe(1);
    await settled(page);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('a franchisee reads their approved statement in Chinese, cannot change it, and exports it', async () => {
    const page = await suite.open({ email: 'east@demo.pos', locale: 'zh-CN', hash: '#/office/franchise-statements' });
    await page.locator(rows).first().waitFor();
    const own = await suite.hqGet('/franchise-statements?status=approved', FranchiseStatementList);
    expect(await page.locator(rows).count()).toBe(own.items.length);
    await page.locator(`${rows} a`).first().click();
    await page.locator(lines).first().waitFor();
    expect(await page.getByTestId('statement-approve').count()).toBe(0);
    expect(await page.locator('#statement-line-amount').count()).toBe(0);
    expect(await page.getByTestId('statement-net').innerText()).toMatch(/应付总部|总部应付|互不相欠/);
    await settled(page);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveShot(page, 'statements-zh-east-approved');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^statement-F\d{6}-F01-\d{4}-\d{2}\.csv$/);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('项目,门店,对方门店,单据,日期,基数,费率,金额');
  });
});
