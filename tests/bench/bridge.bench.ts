import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pairedTill, startTestBridge } from '@pos/hardware/bridge/bridge-harness.test-support';
import { longSale } from '@pos/hardware/sim/sample-documents';
import { keyboardReportsFor, SIM_SCANNER } from '@pos/hardware/sim/simulated-hid';

/**
 * Bridge latencies on loopback: a scan from the simulated wedge scanner (HID reports decoded
 * by the bridge) to the event at a paired WebSocket client, and a 40-line receipt from the
 * print request to the last byte received by the simulated raw-9100 printer.
 */
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95) };
};

export default async function bridgeBench(args: string[]) {
  const scans = Number(args[0] ?? 200);
  const prints = Number(args[1] ?? 30);
  const harness = await startTestBridge();
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
    return {
      scanToTillEvent: summary(scanTimes),
      printToLastByte40Lines: { ...summary(printTimes), bytes: harness.printer.jobs[0]?.length ?? 0 },
      note: 'scan figure ends when the paired WebSocket client receives the event; rendering the line on the till screen is not included',
    };
  } finally {
    await harness.close();
  }
}
