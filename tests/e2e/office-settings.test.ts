import { Assortment, ean13CheckDigit, PricingSettings } from '@pos/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { officeSuite } from './office-world';

const suite = officeSuite();
let page: Page;

async function signInAsHq(hash: string) {
  page = await suite.open({ email: 'hq@demo.pos', hash });
}

const label = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;
const patterns = () => page.locator('.office-pattern').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
/** Chooses a store by its code and waits until its assortment is on the screen. */
async function chooseStore(storeId: string, code: string) {
  await page.locator('.ant-select:has(#assortment-store) .ant-select-content', { hasText: 'S001' }).waitFor();
  const loaded = page.waitForResponse((res) => res.url().endsWith(`/assortments/${storeId}`));
  await page.locator('.ant-select:has(#assortment-store)').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: code }).click();
  await loaded;
}

/** Clicks a radio button's label, as a user does (antd hides the radio input itself). */
const choose = (name: string) => page.getByRole('radio', { name, exact: true }).locator('xpath=ancestor::label').click();
const checked = (name: string) => page.getByRole('radio', { name, exact: true }).isChecked();

describe('back office settings', () => {
  it('lets HQ round cash down to 0.10 and add a scale layout, and shows both after a reload', async () => {
    await signInAsHq('#/office/settings');
    await page.waitForSelector('[data-testid=scale-layout] >> nth=1');
    await choose('¥0.10 (jiao)');
    await choose('Round down');
    expect(await page.getByTestId('rounding-example').textContent()).toContain('¥12.37 → ¥12.30');

    await page.click('text=+ Add a layout');
    await page.locator('.office-pattern').last().fill('23pppppvvvvvc');
    await page.locator('[data-testid=scale-layout]').last().getByRole('radio', { name: 'Price (fen)' }).locator('xpath=ancestor::label').click();
    await page.locator('[data-testid=scale-layout]').last().getByRole('button', { name: 'Move up' }).click();
    expect(await patterns()).toEqual(['22PPPPPVVVVVC', '23PPPPPVVVVVC', '2FPPPPPVVVVVC']);
    expect(await page.locator('[data-testid=scale-layout]').nth(1).textContent()).toContain('prefix 23, item code 5 digits, price in fen 5 digits, check digit');

    await page.fill('input[inputmode=numeric]', label('231000101234'));
    expect(await page.getByTestId('label-reading').textContent()).toContain('Read with layout 2 (23PPPPPVVVVVC)Item code10001Price¥12.34');

    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForSelector('text=Saved. Tills pick up the change at their next sync.');
    const saved = await suite.hqGet('/settings/pricing', PricingSettings);
    expect(saved.cashRounding).toEqual({ unitMinor: 10, mode: 'down' });
    expect(saved.scaleLayouts.map((l) => [l.pattern, l.value])).toEqual([['22PPPPPVVVVVC', 'weight'], ['23PPPPPVVVVVC', 'price'], ['2FPPPPPVVVVVC', 'price']]);

    await page.reload();
    await page.waitForSelector('[data-testid=scale-layout] >> nth=2');
    expect(await patterns()).toEqual(['22PPPPPVVVVVC', '23PPPPPVVVVVC', '2FPPPPPVVVVVC']);
    expect(await checked('¥0.10 (jiao)')).toBe(true);
    expect(await checked('Round down')).toBe(true);
  });

  it('shows what is wrong with a pattern at its field and saves nothing', async () => {
    const before = await suite.hqGet('/settings/pricing', PricingSettings);
    await signInAsHq('#/office/settings');
    const writes: string[] = [];
    page.on('request', (request) => request.method() === 'PUT' && writes.push(request.url()));
    await page.waitForSelector('[data-testid=scale-layout]');
    await page.click('text=+ Add a layout');
    await page.locator('.office-pattern').last().fill('2PPPPP');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForSelector('text=Nothing was saved: fix the 1 marked field(s) first.');
    expect(await page.locator('[data-testid=scale-layout]').last().locator('.office-field-error').textContent()).toBe('Use 13 characters: 2 first, C last, and 0–9, F, P, V or X between.');

    await page.locator('.office-pattern').last().fill('24PPPPPVVVVVC');
    expect(await page.locator('[data-testid=scale-layout]').last().locator('.office-field-error').textContent()).toMatch(/^Layout \d \(2FPPPPPVVVVVC\) reads every label this one would/);
    expect(writes).toEqual([]);
    expect(await suite.hqGet('/settings/pricing', PricingSettings)).toEqual(before);
  });

  it('lets HQ have a store carry all but one product, then the whole catalog again', async () => {
    const product = suite.f.catalog[0]!;
    const storeId = suite.f.storeIds.S002!;
    await signInAsHq('#/office/assortments');
    await chooseStore(storeId, 'S002');
    expect(await page.getByTestId('assortment-reach').textContent()).toBe('Carries the whole catalog');
    expect(await checked('All but the list')).toBe(true);

    await page.fill('input[type=search]', product.barcode);
    await page.locator('[data-testid=assortment-search] tr', { hasText: product.nameEn }).getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForSelector('text=Saved. The store’s tills pick up the change at their next sync.');
    expect(await page.getByTestId('assortment-reach').textContent()).toBe('Carries all but the list (1)');
    expect(await suite.hqGet(`/assortments/${storeId}`, Assortment)).toEqual({ storeId, mode: 'all_except', productIds: [product.id] });

    // After a reload the list holds only the id; the screen names it through HQ.
    await page.reload();
    await chooseStore(storeId, 'S002');
    await page.locator('[data-testid=assortment-products]', { hasText: product.nameEn }).waitFor();

    await page.getByRole('button', { name: 'Carry the whole catalog' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Carry the whole catalog' }).click();
    await page.waitForSelector('text=The store carries the whole catalog again.');
    expect(await page.getByTestId('assortment-reach').textContent()).toBe('Carries the whole catalog');
    expect(await suite.hqGet(`/assortments/${storeId}`, Assortment)).toEqual({ storeId, mode: 'all_except', productIds: [] });
  });
});
