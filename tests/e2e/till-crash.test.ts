import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { returns } from '@pos/hq-server/returns/returns.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import type { RunningServer } from '@pos/hq-server/server';
import { eq, sql } from 'drizzle-orm';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../support/browser';
import { createLiveFixture, type Fixture } from '../support/fixture';
import { startHq } from '../support/hq';
import type { TestDatabase } from '../support/test-db';
import { openSellingTill, scanToLines } from './till-page';

/** A small seeded generator, so every run closes the till at the same moments. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ROUNDS = 6;
const random = seeded(20_260_522);

let database: TestDatabase;
let f: Fixture;
let hq: RunningServer;
let profile: string;
let context: BrowserContext;
let page: Page;

/** The till's browser with a profile on disk, as a till PC keeps it: IndexedDB outlives the page and the browser. */
async function openTill(): Promise<void> {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    headless: true,
    viewport: { width: 1366, height: 768 },
  });
  await context.addInitScript(() => {
    window.print = () => undefined;
  });
  page = context.pages()[0] ?? (await context.newPage());
}

async function reopenTill(): Promise<void> {
  await openTill();
  await page.goto(hq.url);
  await page.getByTestId('scan-input').waitFor({ timeout: 30_000 });
}

/**
 * Closes the page and the browser at a random moment of what was just started, and opens the till
 * again: half the rounds at once (mostly before the document's transaction commits), half later
 * (mostly after).
 */
async function closeAndReopenSoon(): Promise<void> {
  const delay = random() < 0.5 ? Math.floor(random() * 10) : 100 + Math.floor(random() * 300);
  await new Promise((resolve) => setTimeout(resolve, delay));
  await page.close({ runBeforeUnload: false }).catch(() => undefined);
  await context.close();
  await reopenTill();
}

interface TillState {
  open: { id: string; lines: number }[];
  journal: { id: string; receiptNo: string; lines: number }[];
  outbox: string[];
  returns: { id: string; lines: number }[];
  returnsOutbox: string[];
}

/** What the till's database holds, read with IndexedDB itself rather than through the app. */
const readTill = (): Promise<TillState> =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pos-till');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<any[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [tickets, journal, outbox, returned] = await Promise.all([all('tickets'), all('journal'), all('outbox'), all('returns')]);
    db.close();
    return {
      open: tickets.filter((row) => row.held === null).map((row) => ({ id: row.ticket.id, lines: row.ticket.basket.lines.length })),
      journal: journal.map((sale) => ({ id: sale.id, receiptNo: sale.receiptNo, lines: sale.lines.filter((line: { giftRuleId?: string | null }) => !line.giftRuleId).length })),
      // The shift's own documents share the outbox; the sales and returns are what their journals hold.
      outbox: outbox.filter((entry) => entry.kind === 'sale').map((entry) => entry.id),
      returns: returned.map((doc) => ({ id: doc.id, lines: doc.lines.length })),
      returnsOutbox: outbox.filter((entry) => entry.kind === 'return').map((entry) => entry.id),
    };
  });

beforeAll(async () => {
  ({ database, f } = await createLiveFixture());
  hq = await startHq(f);
  profile = mkdtempSync(join(tmpdir(), 'till-profile-'));
  await openTill();
  await openSellingTill(page, f, hq.url);
});

afterAll(async () => {
  await context?.close();
  await hq?.close();
  await database?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The return screen for one unit of the sale's first line; the store manager approves the refund key when the clerk's role asks. */
async function pickOneUnitBack(receiptNo: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('[data-testid="return-screen"], [data-testid="approval-dialog"][open]').first().waitFor();
  if (await page.getByTestId('approval-dialog').isVisible()) {
    await page.getByTestId('approval-code').fill('0011');
    await page.getByTestId('approval-pin').fill('1234');
    await page.getByTestId('approval-submit').click();
  }
  await page.getByTestId('return-receipt-input').fill(receiptNo);
  await page.getByTestId('return-lookup').click();
  await page.getByTestId('return-qty').first().fill('1');
  await expect.poll(() => page.getByTestId('return-confirm').isEnabled()).toBe(true);
}

describe('a till closed at random moments while completing sales and returns', () => {
  it('keeps every completed sale once with its outbox entry, never half of one, and brings the open basket back', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const lineCount = 1 + Math.floor(random() * 3);
      for (let i = 0; i < lineCount; i++) await scanToLines(page, f.catalog[40 + round * 3 + i]!.barcode, i + 1);
      await expect.poll(async () => (await readTill()).open.find((t) => t.lines === lineCount)?.id).toBeDefined();
      const before = await readTill();
      const ticketId = before.open.find((t) => t.lines === lineCount)!.id;

      // F9 completes with the exact cash due; the page and the browser go away at a random moment while it does.
      void page.keyboard.press('F9').catch(() => undefined);
      await closeAndReopenSoon();

      const after = await readTill();
      expect(new Set(after.outbox)).toEqual(new Set(after.journal.map((s) => s.id)));
      expect(after.outbox).toHaveLength(new Set(after.outbox).size);
      const sold = after.journal.find((s) => s.id === ticketId);
      expect(after.journal.length - before.journal.length).toBe(sold ? 1 : 0);
      if (sold) {
        outcomes.push('completed');
        expect(sold.lines).toBe(lineCount);
        expect(after.open.every((t) => t.id !== ticketId)).toBe(true);
        expect(await page.getByTestId('basket-line').count()).toBe(0);
      } else {
        outcomes.push('basket back');
        expect(after.open).toContainEqual({ id: ticketId, lines: lineCount });
        await expect.poll(() => page.getByTestId('basket-line').count()).toBe(lineCount);
        await page.keyboard.press('F9');
        await expect.poll(async () => (await readTill()).journal.some((s) => s.id === ticketId)).toBe(true);
        await expect.poll(() => page.getByTestId('basket-line').count()).toBe(0);
      }
    }
    const final = await readTill();
    expect(final.journal).toHaveLength(ROUNDS);
    await expect.poll(() => page.getByTestId('outbox-count').getAttribute('data-unsent').then(Number), { timeout: 60_000 }).toBe(0);
    const [atHq] = await f.deps.db.select({ n: sql<number>`count(*)::int`, ids: sql<number>`count(distinct id)::int` }).from(sales).where(eq(sales.storeId, f.storeIds.S001!));
    expect(atHq).toEqual({ n: ROUNDS, ids: ROUNDS });
    console.info(`till closed during completion: ${outcomes.join(', ')}`);
  });

  it('keeps every completed return once with its outbox entry, never half of one, and HQ takes each once', async () => {
    const outcomes: string[] = [];
    const sold = (await readTill()).journal;
    for (let round = 0; round < ROUNDS; round++) {
      const receiptNo = sold[round]!.receiptNo;
      await pickOneUnitBack(receiptNo);
      const before = await readTill();

      void page.getByTestId('return-confirm').click().catch(() => undefined);
      await closeAndReopenSoon();

      const after = await readTill();
      expect(new Set(after.returnsOutbox)).toEqual(new Set(after.returns.map((r) => r.id)));
      expect(after.returnsOutbox).toHaveLength(new Set(after.returnsOutbox).size);
      expect(after.returns.every((r) => r.lines === 1)).toBe(true);
      const made = after.returns.length - before.returns.length;
      expect([0, 1]).toContain(made);
      outcomes.push(made === 1 ? 'completed' : 'made again');
      if (made === 0) {
        await pickOneUnitBack(receiptNo);
        await page.getByTestId('return-confirm').click();
        await page.getByTestId('return-done').waitFor();
        await page.getByTestId('return-close').click();
      }
    }
    expect((await readTill()).returns).toHaveLength(ROUNDS);
    await expect.poll(() => page.getByTestId('outbox-count').getAttribute('data-unsent').then(Number), { timeout: 60_000 }).toBe(0);
    const [atHq] = await f.deps.db.select({ n: sql<number>`count(*)::int`, ids: sql<number>`count(distinct id)::int` }).from(returns).where(eq(returns.storeId, f.storeIds.S001!));
    expect(atHq).toEqual({ n: ROUNDS, ids: ROUNDS });
    console.info(`till closed during a return: ${outcomes.join(', ')}`);
  });
});
