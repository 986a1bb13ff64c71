import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeMessage, JobStatus } from '@pos/shared/bridge/index';
import { decodeEscPos } from '../printer/decode-escpos';
import { SimulatedNetworkPrinter } from '../sim/simulated-network-printer';
import { connectTill, pairedTill, startTestBridge } from './bridge-harness.test-support';

const receipt = (n: number) => ({ documentId: `doc-${n}`, currencyExponent: 2, blocks: [{ kind: 'text', text: `JOB ${n}` }] });
const printedText = (bytes: Uint8Array) =>
  decodeEscPos(bytes, { startsInChineseMode: true }).flatMap((e) => (e.kind === 'line' ? [e.text] : []));
const firstLines = (printer: SimulatedNetworkPrinter) => printer.jobs.map((bytes) => printedText(bytes)[0]);

async function printedCount(printer: SimulatedNetworkPrinter, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (printer.jobs.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 300));
}

describe('print queue', () => {
  let harness: Awaited<ReturnType<typeof startTestBridge>>;
  beforeAll(async () => {
    harness = await startTestBridge({ printerOn: false });
  });
  afterAll(() => harness.close());

  it('holds jobs while the network printer is off, then prints each once, in order', async () => {
    const { till } = await pairedTill(harness);
    const jobIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, jobId] of jobIds.entries()) {
      expect(await till.request({ type: 'print.receipt', jobId, receipt: receipt(i + 1) })).toMatchObject({ type: 'result', result: { state: 'queued' } });
    }
    const again = await till.request({ type: 'print.receipt', jobId: jobIds[0], receipt: receipt(1) });
    expect(again.type).toBe('result');
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.printer.jobs).toHaveLength(0);
    const states = (m: BridgeMessage[]) => m.flatMap((x) => (x.type === 'event' && x.event.kind === 'job.state' ? [x.event.job] : []));
    expect(states(till.messages).some((j: JobStatus) => j.state === 'waiting')).toBe(true);

    await harness.printer.switchOn();
    const deadline = Date.now() + 5000;
    while (harness.printer.jobs.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));

    expect(harness.printer.jobs.map((bytes) => printedText(bytes)[0])).toEqual(['JOB 1', 'JOB 2', 'JOB 3']);
    const printed = states(till.messages).filter((j) => j.state === 'printed').map((j) => j.jobId);
    expect(printed).toEqual(jobIds);
    till.ws.close();
  });
});

describe('print queue across a bridge restart', () => {
  it('keeps jobs queued while the printer was off and prints each exactly once, in order, after the restart', { timeout: 20_000 }, async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'pos-bridge-restart-'));
    const printer = new SimulatedNetworkPrinter();
    await printer.switchOn();
    const before = await startTestBridge({ stateDir, printer });
    const { till, token } = await pairedTill(before);
    const printedEarlier = randomUUID();
    await till.request({ type: 'print.receipt', jobId: printedEarlier, receipt: receipt(0) });
    await printedCount(printer, 1);
    await printer.switchOff();
    const jobIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, jobId] of jobIds.entries()) {
      expect(await till.request({ type: 'print.receipt', jobId, receipt: receipt(i + 1) })).toMatchObject({ type: 'result', result: { jobId } });
    }
    await before.close();

    const after = await startTestBridge({ stateDir, printer });
    try {
      const sameTill = await connectTill(after.url, { token });
      expect(await sameTill.request({ type: 'print.receipt', jobId: jobIds[0], receipt: receipt(1) })).toMatchObject({ type: 'result', result: { jobId: jobIds[0] } });
      expect(await sameTill.request({ type: 'print.receipt', jobId: printedEarlier, receipt: receipt(0) })).toMatchObject({ type: 'result', result: { state: 'printed' } });
      await printer.switchOn();
      await printedCount(printer, 4);
      expect(firstLines(printer)).toEqual(['JOB 0', 'JOB 1', 'JOB 2', 'JOB 3']);
      expect(await sameTill.request({ type: 'job.get', jobId: jobIds[2] })).toMatchObject({ type: 'result', result: { state: 'printed' } });
      sameTill.ws.close();
    } finally {
      await after.close();
      await printer.switchOff();
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});
