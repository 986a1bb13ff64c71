import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTill } from '@pos/hardware/bridge/bridge-harness.test-support';
import type { BridgeMessage, JobStatus } from '@pos/shared/bridge/index';
import { startBridgeProcess, type BridgeProcess, type PrintedJob } from './bridge-process';

/** The till's page as HQ serves it; the bridge takes connections from it alone. */
const ORIGIN = 'http://127.0.0.1:8080';
const REPRINT_MARK = '*** 重印 REPRINT ***';

const receipt = (n: number) => ({ documentId: `doc-${n}`, currencyExponent: 2, blocks: [{ kind: 'text', text: `JOB ${n}` }] });
/** What the simulated printer put on paper: each job's text lines, without blank ones. */
const paper = (bridge: BridgeProcess) => bridge.jobs().map((job: PrintedJob) => job.text.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
const jobStates = (messages: readonly BridgeMessage[], jobId: string) =>
  messages.flatMap((m) => (m.type === 'event' && m.event.kind === 'job.state' && m.event.job.jobId === jobId ? [m.event.job.state] : []));

let stateDir: string;
const bridges: BridgeProcess[] = [];

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'pos-bridge-restart-'));
});

afterAll(async () => {
  for (const bridge of bridges) await bridge.stop();
  await rm(stateDir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the bridge killed with print jobs queued', () => {
  it('prints each queued job exactly once after a restart, the one it was sending once more marked as a reprint, and nothing a till sends again', async () => {
    const first = await startBridgeProcess([ORIGIN], { stateDir });
    bridges.push(first);
    const pairing = await connectTill(first.url, { origin: ORIGIN });
    const paired = await pairing.request({ type: 'pair', code: first.pairingCode(), tillName: 'T001' });
    if (paired.type !== 'result') throw new Error(`pairing refused: ${JSON.stringify(paired)}`);
    pairing.ws.close();
    const { token } = paired.result as { token: string };
    const till = await connectTill(first.url, { origin: ORIGIN, token });

    const printedBefore = randomUUID();
    await till.request({ type: 'print.receipt', jobId: printedBefore, receipt: receipt(0) });
    await until(() => jobStates(till.messages, printedBefore).includes('printed'), 'the first job printed');

    // The printer takes the next job (it comes out, with the drawer kick) but holds on to the
    // connection, so the bridge is still sending it when it is killed.
    await first.cli('printer', 'busy');
    const cutOff = randomUUID();
    await till.request({ type: 'print.receipt', jobId: cutOff, receipt: receipt(1), openDrawer: true });
    await first.waitForJob(2);
    await until(() => jobStates(till.messages, cutOff).includes('printing'), 'the second job being sent');
    const queued = [randomUUID(), randomUUID()];
    for (const [i, jobId] of queued.entries()) {
      expect(await till.request({ type: 'print.receipt', jobId, receipt: receipt(i + 2) })).toMatchObject({ type: 'result', result: { jobId, state: 'queued' } });
    }
    await first.crash();
    expect(paper(first)).toEqual([['JOB 0', '-------- cut --------'], ['[drawer kick, pin 2]', 'JOB 1', '-------- cut --------']]);

    const second = await startBridgeProcess([ORIGIN], { stateDir });
    bridges.push(second);
    const back = await connectTill(second.url, { origin: ORIGIN, token });
    // The till, back on the bridge, sends again the jobs it has not seen printed: none prints twice.
    for (const jobId of [printedBefore, queued[0]!]) expect(await back.request({ type: 'print.receipt', jobId, receipt: receipt(9) })).toMatchObject({ type: 'result', result: { jobId } });
    await second.waitForJob(3);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(paper(second)).toEqual([
      [REPRINT_MARK, 'JOB 1', '-------- cut --------'],
      ['JOB 2', '-------- cut --------'],
      ['JOB 3', '-------- cut --------'],
    ]);
    const status = async (jobId: string) => ((await back.request({ type: 'job.get', jobId })) as { result: JobStatus }).result;
    expect(await status(cutOff)).toMatchObject({ state: 'printed', reprint: true });
    expect(await status(printedBefore)).toMatchObject({ state: 'printed' });
    for (const jobId of queued) expect(await status(jobId)).toMatchObject({ state: 'printed', attempts: 1 });
    back.ws.close();
  });
});
