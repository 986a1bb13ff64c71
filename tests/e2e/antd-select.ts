import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks `option` in an Ant Design select and waits until the select shows it: a click while the
 * list still slides open can miss, and a form saved then would lack the choice. `opener` is what
 * is clicked to open the list: the select itself unless told.
 */
export async function chooseOption(page: Page, select: Locator, option: string, opener: Locator = select): Promise<void> {
  const shown = async () => ((await select.textContent().catch(() => '')) ?? '').includes(option);
  for (let attempt = 0; attempt < 3 && !(await shown()); attempt++) {
    await opener.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 15_000 }).toBe(0);
  }
  expect(await select.textContent()).toContain(option);
}
