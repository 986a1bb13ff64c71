import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pairedTill, startTestBridge, TILL_ORIGIN } from '@pos/hardware/bridge/bridge-harness.test-support';
import { longSale } from '@pos/hardware/sim/sample-documents';
import { keyboardReportsFor, SIM_SCANNER } from '@pos/hardware/sim/simulated-hid';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { seedFixture } from '../support/fixture';
import { startHq } from '../support/hq';
import { createTestDatabase } from '../support/test-db';
import { openSellingTill, pairWithBridge } from '../e2e/till-page';
import { ensureTillBuilt } from '../e2e/till-build';

/**
 * Bridge latencies on loopback. A scan from the simulated wedge scanner (HID reports decoded
 * by the bridge) to the event at a paired WebSocket client, and to the new line in the till
 * page in Chromium; a 40-line receipt from the print request to the last byte received by the
 * simulated raw-9100 printer.
 */
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95) };
};

type Harness = Awaited<ReturnType<typeof startTestBridge>>;
const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Arms the page to note, on the same clock as Node's, when its basket reaches `count` lines and
 * the frame that shows it. A string, because the bench runs under tsx, which would wrap named
 * functions in a helper the page does not have.
 */
function armLineWatch(page: Page, count: number): Promise<void> {
  return page.evaluate(`(() => {
    const now = () => performance.timeOrigin + performance.now();
    window.lineSeen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll('[data-testid="basket-line"]').length < ${count}) return;
        observer.disconnect();
        const inDom = now();
        requestAnimationFrame(() => resolve({ inDom, frame: now() }));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  })()`);
}

async function scansIntoTill(harness: Harness, page: Page, barcodes: readonly string[]) {
  const inDom: number[] = [];
  const frame: number[] = [];
  for (const [i, code] of barcodes.entries()) {
    await armLineWatch(page, i + 1);
    const start = epochNow();
    harness.hid.send(SIM_SCANNER.path, keyboardReportsFor(code));
    const seen = (await page.evaluate('window.lineSeen')) as { inDom: number; frame: number };
    inDom.push(seen.inDom - start);
    frame.push(seen.frame - start);
  }
  return { toLineInDom: summary(inDom), toFrameShowingLine: summary(frame) };
}

export default async function bridgeBench(args: string[]) {
  const scans = Number(args[0] ?? 200);
  const prints = Number(args[1] ?? 30);
  const tillScans = Number(args[2] ?? 100);
  ensureTillBuilt();
  const database = await createTestDatabase();
  const f = await seedFixture(database);
  const hq = await startHq(f);
  const harness = await startTestBridge({ allowedOrigins: [hq.url, TILL_ORIGIN] });
  const browser = await launchBrowser();
  try {
    const { till } = await pairedTill(harness);
    const scanTimes: number[] = [];
    for (let i = 0; i < scans; i++) {
      const code = `690${String(i).padStart(10, '0')}`;
      const start = performance.now();
      harness.hid.send(SIM_SCANNER.path, keyboardReportsFor(code));
      await till.waitFor((m): m is typeof m => m.type === 'event' && m.event.kind === 'scan' && m.event.data === code);
      scanTimes.push(performance.now() - start);
    }
    const printTimes: number[] = [];
    const document = longSale(40);
    const warmUp = 3;
    for (let i = 0; i < prints + warmUp; i++) {
      const printed = new Promise<void>((resolve) => harness.printer.once('job', () => resolve()));
      const start = performance.now();
      await till.request({ type: 'print.document', jobId: randomUUID(), document });
      await printed;
      if (i >= warmUp) printTimes.push(performance.now() - start);
    }
    till.ws.close();

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openSellingTill(page, f, hq.url, harness.url);
    await pairWithBridge(page, harness.pairingCode());
    const barcodes = f.catalog.slice(0, Math.min(tillScans, f.catalog.length)).map((item) => item.barcode);
    return {
      scanToTillEvent: summary(scanTimes),
      scanToLineOnTill: { ...(await scansIntoTill(harness, page, barcodes)), basketLinesAtEnd: barcodes.length },
      printToLastByte40Lines: { ...summary(printTimes), bytes: harness.printer.jobs[0]?.length ?? 0 },
      note: 'scanToTillEvent ends when a paired WebSocket client in Node receives the event; scanToLineOnTill ends when the new basket line is in the till page (headless Chromium) and at the next animation frame after it; each scan adds a distinct catalog item, so the basket grows to basketLinesAtEnd lines',
    };
  } finally {
    await browser.close();
    await harness.close();
    await hq.close();
    await database.close();
  }
}
