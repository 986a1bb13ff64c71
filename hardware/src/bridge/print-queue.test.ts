import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { BridgeMessage, JobStatus } from '@pos/shared/bridge/index';
import { decodeEscPos } from '../printer/decode-escpos';
import { pairedTill, startTestBridge } from './bridge-harness.test-support';

const receipt = (n: number) => ({ documentId: `doc-${n}`, currencyExponent: 2, blocks: [{ kind: 'text', text: `JOB ${n}` }] });
const printedText = (bytes: Uint8Array) =>
  decodeEscPos(bytes, { startsInChineseMode: true }).flatMap((e) => (e.kind === 'line' ? [e.text] : []));

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
