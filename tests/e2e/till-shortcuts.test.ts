import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { RunningServer } from '@pos/hq-server/server';
import { defaultTillShortcuts, TillShortcuts } from '@pos/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { bearer, signInOffice, type Fixture } from '../support/fixture';
import { openSellingTill, scanToLines, startTillHarness, syncNow, tillStoreSales, type TillHarness } from './till-page';

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the office's shortcuts screen and of the till with the new keys, in both languages. */
const SHOTS = process.env.E2E_SCREENSHOTS;

let harness: TillHarness;
let f: Fixture;
let hq: RunningServer;
let till: Page;
let office: Page;

beforeAll(async () => {
  harness = await startTillHarness();
  ({ f, hq, page: till } = harness);
  await openSellingTill(till, f, hq.url);
  const context = await till.context().browser()!.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1366, height: 768 } });
  office = await context.newPage();
});

afterAll(() => harness?.close());

const keyOf = (page: Page, testId: string) => page.getByTestId(testId).locator('.key').textContent();
const lines = () => till.getByTestId('basket-line').count();
const problems = () => office.getByTestId('shortcut-problem').allTextContents();

async function shoot(page: Page, name: string, switchLanguage: () => Promise<void>): Promise<void> {
  if (!SHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const locale of ['en', 'zh-CN']) {
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${SHOTS}/${name}-${locale}.png`, fullPage: true });
    await switchLanguage();
  }
}

/** Presses a key in an action's key field on the office screen. */
async function pressFor(action: string, key: string): Promise<void> {
  await office.getByTestId(`shortcut-${action}`).focus();
  await office.keyboard.press(key);
}

describe('till shortcuts set by HQ', () => {
  it('shows the chain’s default keys on the till’s buttons and in its keys line', async () => {
    expect(await keyOf(till, 'complete-button')).toBe('F9');
    expect(await keyOf(till, 'hold-ticket')).toBe('Ins');
    expect(await keyOf(till, 'shift-cash')).toBe('Alt+M');
    expect(await till.getByTestId('keys-hint').textContent()).toContain('F9 complete');
    await till.keyboard.press('Alt+F');
    await till.locator('[data-testid=product-search-dialog][open]').waitFor();
    await till.keyboard.press('Escape');
    await till.locator('[data-testid=product-search-dialog][open]').waitFor({ state: 'detached' });
    await shoot(till, 'till-default-keys', () => till.getByTestId('language-switch').click());
  });

  it('lets HQ change keys in the office, showing a key given twice on both rows before anything is saved', async () => {
    await office.goto(`${hq.url}/#/office`);
    await office.fill('input[type=email]', 'hq@demo.pos');
    await office.fill('input[type=password]', DEMO_PASSWORD);
    await office.click('button[type=submit]');
    await office.waitForSelector('.office-menu');
    await office.getByRole('menuitem', { name: 'Till shortcuts' }).click();
    await office.getByTestId('shortcut-complete').waitFor();
    expect(await office.getByTestId('shortcut-complete').inputValue()).toBe('F9');

    await pressFor('complete', 'Pause');
    await pressFor('hold', 'Pause');
    await expect.poll(problems).toHaveLength(2);
    expect((await problems())[0]).toContain('Pause is also the key of “Hold ticket”');
    expect(await office.getByTestId('shortcuts-save').isDisabled()).toBe(true);
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await shoot(office, 'office-till-shortcuts-conflict', () => office.locator('.office-user-actions button').first().click());
    await pressFor('recall', 'Enter');
    await expect.poll(async () => (await problems()).some((p) => p.includes('kept for the scan field'))).toBe(true);
    await pressFor('recall', 'Home');

    await pressFor('hold', 'Alt+H');
    await expect.poll(problems).toEqual([]);
    expect(await office.getByTestId('shortcut-hold').inputValue()).toBe('Alt+H');
    expect(await seriousAccessibilityFindings(office)).toEqual([]);
    await office.getByTestId('shortcuts-save').click();
    await office.getByTestId('shortcuts-saved').waitFor();
    await shoot(office, 'office-till-shortcuts', () => office.locator('.office-user-actions button').first().click());

    const saved = TillShortcuts.parse(await (await f.app.request('/settings/till-shortcuts', bearer(await signInOffice(f, 'hq@demo.pos')))).json());
    expect(saved).toEqual({ ...defaultTillShortcuts, complete: 'Pause', hold: 'Alt+H' });
  });

  it('pulls the new keys to the till: the buttons show them, Pause completes a sale and F9 no longer does', async () => {
    await syncNow(till);
    await expect.poll(() => keyOf(till, 'complete-button'), { timeout: 45_000 }).toBe('Pause');
    expect(await keyOf(till, 'hold-ticket')).toBe('Alt+H');
    expect(await till.getByTestId('keys-hint').textContent()).toContain('Pause complete · F10 open drawer');

    await scanToLines(till, f.catalog[0]!.barcode, 1);
    await till.keyboard.press('F9');
    await till.keyboard.press('Insert');
    await till.waitForTimeout(500);
    expect(await lines()).toBe(1);
    expect(await till.getByTestId('held-count').count()).toBe(0);

    await till.keyboard.press('Alt+H');
    await expect.poll(() => till.getByTestId('held-count').textContent()).toBe('1');
    await scanToLines(till, f.catalog[1]!.barcode, 1);
    await till.getByTestId('scan-input').press('Enter');
    await expect.poll(() => till.getByTestId('sell-note').textContent()).toContain('F4 exact cash · Pause complete');
    await till.keyboard.press('Pause');
    await expect.poll(lines).toBe(0);
    await till.getByTestId('change-due').waitFor();
    await expect.poll(async () => (await tillStoreSales(f)).length, { timeout: 60_000 }).toBe(1);
    await shoot(till, 'till-new-keys', () => till.getByTestId('language-switch').click());
  });
});
