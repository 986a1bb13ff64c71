import { rearmPairingCode } from '@pos/hq-server/auth/devices.service';
import { barcodes, products } from '@pos/hq-server/catalog/catalog.tables';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import type { SnapshotEntity } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { createLiveFixture, DEMO_PIN, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import { newTillPage, openShiftIfAsked, scanToLines, syncNow } from './till-page';

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the catalog load in both languages. */
const shots = process.env.E2E_SCREENSHOTS;

/** The demo chain with 1,200 products, so that changing all of them leaves a till far behind. */
let h: { f: Fixture; hq: { url: string }; close: () => Promise<void> };
let page: Page;
const snapshotRequests: string[] = [];

beforeAll(async () => {
  const { database, f } = await createLiveFixture(1200);
  const hq = await startHq(f);
  const browser = await launchBrowser();
  page = await newTillPage(browser);
  h = {
    f, hq,
    close: async () => {
      await browser.close();
      await hq.close();
      await database.close();
    },
  };
  page.on('request', (req: Request) => {
    if (req.url().includes('/sync/snapshot')) snapshotRequests.push(new URL(req.url()).search);
  });
  await page.route('**/sync/snapshot*', answerSnapshot);
}, 120_000);
afterAll(async () => {
  endOfTest();
  await h?.close();
});

/**
 * How HQ's next snapshot answers reach the till: cut after the batch that ends an entity (the
 * stream breaks there, as a network or a reload breaks it), held until a promise settles (and
 * then passed on), or passed on as they are.
 */
type Answer = { breakAfter: SnapshotEntity } | { holdUntil: Promise<void> };
const answers: Answer[] = [];
let endOfTest!: () => void;
const testEnded = new Promise<void>((resolve) => (endOfTest = resolve));

async function answerSnapshot(route: Route): Promise<void> {
  const answer = answers.shift();
  if (!answer) return route.continue();
  if ('holdUntil' in answer) {
    await Promise.race([answer.holdUntil, testEnded]);
    // A request held across a reload is gone by now.
    return route.continue().catch(() => undefined);
  }
  const lines = (await (await route.fetch()).text()).trimEnd().split('\n');
  const cut = lines.findIndex((line, i) => {
    const batch = i > 0 && (JSON.parse(line) as { entity: string; end: boolean });
    return batch && batch.entity === answer.breakAfter && batch.end;
  });
  await route.fulfill({ status: 200, contentType: 'application/x-ndjson', body: `${lines.slice(0, cut + 1).join('\n')}\n` });
}

/** A row of the till's IndexedDB, read as the app stores it (null when absent). */
const tillRow = (table: string, key: string) =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('pos-till');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).get(${JSON.stringify(key)});
      request.onsuccess = () => { resolve(request.result ?? null); open.result.close(); };
    };
  })`);

const partText = (part: string) => page.locator(`[data-testid="initial-pull-parts"] tr[data-part="${part}"] td`).last().textContent();

describe('a new till loads its catalog from a snapshot', () => {
  it('shows what is loaded and what remains, resumes after a reload, sells before the rest is in, and finishes in the background', async () => {
    const { f, hq } = h;
    const [device] = await f.deps.db.select().from(tillDevices).where(and(eq(tillDevices.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds.S001!))).orderBy(tillDevices.code);
    await rearmPairingCode(f.deps, f.chainId, device!.id, '48151623', 30);
    // The stream breaks after the products; the till's next try waits.
    let reloaded!: () => void;
    answers.push({ breakAfter: 'product' }, { holdUntil: new Promise<void>((resolve) => (reloaded = resolve)) });
    await page.goto(hq.url);
    await page.getByTestId('pairing-code-input').fill('48151623');
    await page.getByTestId('pair-button').click();

    // The stream broke after the products: they are in, barcodes and prices are not, and selling waits.
    await expect.poll(() => partText('product'), { timeout: 30_000 }).toBe('Done');
    expect(await partText('setup')).toBe('Done');
    expect(await partText('barcode')).toMatch(/^0 \/ \d+/);
    expect(await partText('price')).toMatch(/^0 \/ \d+/);
    expect(await page.getByTestId('initial-pull-remaining').textContent()).toMatch(/of [\d,]+ records loaded, [\d,]+ to go/);
    expect(Number(await page.getByTestId('initial-pull-progress').getAttribute('aria-valuenow'))).toBeGreaterThan(20);
    expect(Number(await page.getByTestId('initial-pull-progress').getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/bootstrap-en.png` });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => partText('product')).toBe('已完成');
    expect(await page.getByTestId('initial-pull-remaining').textContent()).toMatch(/已载入 [\d,]+ \/ [\d,]+ 条，还剩 [\d,]+ 条/);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/bootstrap-zh.png` });
    await page.getByTestId('language-switch').click();
    expect(await page.getByTestId('clerk-code-input').count()).toBe(0);

    // A reload mid-way resumes after the last product written; this time the stream breaks after the
    // promotions, and the sync loop's try for the rest waits until a sale is on the ticket.
    let sold!: () => void;
    answers.length = 0;
    answers.push({ breakAfter: 'promotion' }, { holdUntil: new Promise<void>((resolve) => (sold = resolve)) });
    await page.reload();
    reloaded();
    await page.getByTestId('clerk-code-input').waitFor({ timeout: 30_000 });
    expect(snapshotRequests[0]).toBe('');
    // Every try after the first (a retry before the reload, if it came, and the one after it) starts after the products.
    expect(snapshotRequests).toContain('?entity=barcode');
    expect(snapshotRequests.slice(1).every((q) => q === '?entity=barcode' || q === '?entity=member_level')).toBe(true);
    const loadLeft = (await tillRow('meta', 'snapshotLoad')) as { value: { next: { entity: string } } } | null;
    expect(loadLeft?.value.next.entity).toBe('member_level');

    // Selling opened with member levels and cash reasons still to come.
    await page.getByTestId('clerk-code-input').fill('0012');
    await page.getByTestId('pin-input').fill(DEMO_PIN);
    await page.getByTestId('sign-in-button').click();
    await openShiftIfAsked(page, '0');
    const item = f.catalog[3]!;
    await scanToLines(page, item.barcode, 1);
    expect(await page.getByTestId('basket-line').first().textContent()).toContain(item.nameZh);

    // The sync loop loads the rest from where it stopped, then pulls changes from the snapshot's cursor.
    sold();
    await expect.poll(() => tillRow('meta', 'snapshotLoad'), { timeout: 60_000 }).toBeNull();
    expect(snapshotRequests.at(-1)).toBe('?entity=member_level');
    const sync = (await tillRow('meta', 'sync')) as { value: { cursor: number; initialPullDoneAt: string } };
    expect(sync.value.cursor).toBeGreaterThan(0);
    expect(sync.value.initialPullDoneAt).not.toBeNull();
  });

  it('a till far behind catches up with a snapshot while it sells, and rows retired at HQ leave it', async () => {
    const { f } = h;
    const [retired, renamed] = f.catalog;
    expect(await tillRow('products', retired!.id)).not.toBeNull();
    // Every product and barcode written again: more than half of what a snapshot holds.
    await f.deps.db.update(products).set({ nameZh: products.nameZh }).where(eq(products.chainId, f.chainId));
    await f.deps.db.update(barcodes).set({ active: barcodes.active }).where(eq(barcodes.chainId, f.chainId));
    await f.deps.db.update(products).set({ active: false }).where(and(eq(products.chainId, f.chainId), eq(products.id, retired!.id)));
    await f.deps.db.update(products).set({ nameEn: 'Renamed far away' }).where(and(eq(products.chainId, f.chainId), eq(products.id, renamed!.id)));
    const before = snapshotRequests.length;

    await syncNow(page);
    await expect.poll(() => snapshotRequests.length, { timeout: 30_000 }).toBe(before + 1);
    expect(snapshotRequests.at(-1)).toBe('');
    await expect.poll(async () => ((await tillRow('products', renamed!.id)) as { nameEn: string } | null)?.nameEn, { timeout: 60_000 }).toBe('Renamed far away');
    await expect.poll(() => tillRow('meta', 'snapshotLoad'), { timeout: 60_000 }).toBeNull();
    expect(await tillRow('products', retired!.id)).toBeNull();
    // Selling went on: the ticket is as it was, and another scan adds its line.
    expect(await page.getByTestId('basket-line').count()).toBe(1);
    await scanToLines(page, f.catalog[5]!.barcode, 2);
  });
});
