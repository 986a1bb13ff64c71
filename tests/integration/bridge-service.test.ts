import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTill } from '@pos/hardware/bridge/bridge-harness.test-support';
import { decodeEscPos } from '@pos/hardware/printer/decode-escpos';
import { defaultProfile } from '@pos/hardware/printer/printer-profile';
import { renderDecoded } from '@pos/hardware/printer/render-decoded';
import { systemdUnit } from '@pos/hardware/service/systemd-unit';
import { commandWords, readUnitFile, unitSetting } from '@pos/hardware/service/unit-file.test-support';
import { SimulatedNetworkPrinter } from '@pos/hardware/sim/simulated-network-printer';
import type { JobStatus } from '@pos/shared/bridge/index';

/**
 * The bridge as its systemd service runs it: the command line, working folder and state folder
 * are read from the unit the installer writes, and the process is restarted the way the unit's
 * Restart= and RestartSec= say (this machine's PID 1 is not systemd, so a few lines stand in for
 * it). The printer is a simulated raw-9100 one on loopback, named in the bridge.json.
 */
const ORIGIN = 'https://pos.example.com';
const packageDir = fileURLToPath(new URL('../../hardware', import.meta.url));

let folder: string;
let printer: SimulatedNetworkPrinter;
let service: ReturnType<typeof superviseLikeSystemd>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pos-bridge-service-'));
  printer = new SimulatedNetworkPrinter();
  await printer.switchOn();
  await printer.switchOff();
  const configPath = join(folder, 'bridge.json');
  const printers = [{ id: 'receipt', name: 'simulated receipt printer', link: { kind: 'network', host: '127.0.0.1', port: printer.port }, profile: defaultProfile(80) }];
  await writeFile(configPath, JSON.stringify({ port: 0, printers }));
  const unitPath = join(folder, 'pos-bridge.service');
  await writeFile(unitPath, systemdUnit({ nodePath: process.execPath, packageDir, origins: [ORIGIN], configPath }, []));
  // StateDirectory=: systemd makes the folder, owned by the service's user alone, before the first start.
  await mkdir(join(folder, 'state'), { mode: 0o700 });
  service = superviseLikeSystemd(readUnitFile(await readFile(unitPath, 'utf8')), join(folder, 'state'));
});

afterAll(async () => {
  await service?.stop();
  await printer?.switchOff();
  await rm(folder, { recursive: true, force: true });
});

/** Starts ExecStart= as systemd would (its environment, folder and state folder), and starts it again RestartSec= after any exit, as Restart=always does. */
function superviseLikeSystemd(unit: ReturnType<typeof readUnitFile>, stateDir: string) {
  expect(unitSetting(unit, 'Service', 'Restart')).toBe('always');
  const restartMs = Number(/^(\d+)s$/.exec(unitSetting(unit, 'Service', 'RestartSec'))?.[1]) * 1000;
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', STATE_DIRECTORY: stateDir };
  const [program, ...args] = commandWords(unitSetting(unit, 'Service', 'ExecStart'), env);
  const runs: { child: ChildProcess; output: string }[] = [];
  let stopping = false;
  const start = () => {
    const child = spawn(program!, args, { cwd: unitSetting(unit, 'Service', 'WorkingDirectory'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const run = { child, output: '' };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (run.output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (run.output += chunk));
    child.once('exit', () => void (stopping || setTimeout(start, restartMs)));
    runs.push(run);
  };
  start();
  const current = () => runs.at(-1)!;
  return {
    starts: () => runs.length,
    /** The bridge's port and its pairing code, once the current run is listening. */
    async listening(): Promise<{ url: string; pairingCode: string }> {
      const port = await until(() => /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(current().output)?.[1] ?? null, 'the bridge listening', () => current().output);
      return { url: `ws://127.0.0.1:${port}`, pairingCode: /Pairing code: (\d{6})/.exec(current().output)?.[1] ?? '' };
    },
    /** Kills the bridge at once (SIGKILL: no shutdown of any kind, as a crash or the OOM killer would) and waits for its restart. */
    async kill(): Promise<void> {
      const before = runs.length;
      current().child.kill('SIGKILL');
      await until(() => (runs.length > before ? true : null), 'the restart', () => current().output, restartMs + 10_000);
    },
    async stop(): Promise<void> {
      stopping = true;
      const { child } = current();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function until<T>(read: () => T | null, what: string, detail: () => string = () => '', ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const receipt = (n: number) => ({ documentId: `doc-${n}`, currencyExponent: 2, blocks: [{ kind: 'text', text: `JOB ${n}` }] });
/** What came out of the printer: each job's text lines, blank ones left out. */
const paper = () => printer.jobs.map((bytes) => renderDecoded(decodeEscPos(bytes, { startsInChineseMode: true })).map((line) => line.trim()).filter((line) => line !== ''));
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the bridge service killed with print jobs queued', () => {
  it('comes back by itself on the same state and prints each queued job exactly once when the printer comes on', { timeout: 120_000 }, async () => {
    const first = await service.listening();
    const pairing = await connectTill(first.url, { origin: ORIGIN });
    const paired = await pairing.request({ type: 'pair', code: first.pairingCode, tillName: 'T001' });
    if (paired.type !== 'result') throw new Error(`pairing refused: ${JSON.stringify(paired)}`);
    pairing.ws.close();
    const { token } = paired.result as { token: string };
    const till = await connectTill(first.url, { origin: ORIGIN, token });
    const jobIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, jobId] of jobIds.entries()) {
      expect(await till.request({ type: 'print.receipt', jobId, receipt: receipt(i + 1) })).toMatchObject({ type: 'result', result: { jobId, state: 'queued' } });
    }
    till.ws.close();

    await service.kill();
    const second = await service.listening();
    expect(service.starts()).toBe(2);
    const back = await connectTill(second.url, { origin: ORIGIN, token });
    const status = async (jobId: string) => ((await back.request({ type: 'job.get', jobId })) as { result: JobStatus }).result;
    for (const jobId of jobIds) expect((await status(jobId)).state).toMatch(/^(queued|waiting)$/);
    // The till sends again a job it has not seen printed: it is the same job, not a fourth one.
    expect(await back.request({ type: 'print.receipt', jobId: jobIds[0], receipt: receipt(9) })).toMatchObject({ type: 'result', result: { jobId: jobIds[0] } });
    await settle(1_000);
    expect(printer.jobs).toHaveLength(0);

    await printer.switchOn(printer.port);
    await until(() => (printer.jobs.length >= 3 ? true : null), 'three receipts printed');
    await settle(1_500);
    expect(paper()).toEqual([1, 2, 3].map((n) => [`JOB ${n}`, '-------- cut --------']));
    // Tries made while the printer was off count as attempts; none of them put anything on paper.
    for (const jobId of jobIds) expect(await status(jobId)).toMatchObject({ state: 'printed', error: null });
    for (const jobId of jobIds) expect((await status(jobId)).reprint).not.toBe(true);
    back.ws.close();

    // Killed again once all is printed, it comes back and prints nothing more.
    await service.kill();
    const third = await service.listening();
    const last = await connectTill(third.url, { origin: ORIGIN, token });
    expect(((await last.request({ type: 'job.get', jobId: jobIds[2] })) as { result: JobStatus }).result).toMatchObject({ state: 'printed' });
    await settle(1_500);
    expect(printer.jobs).toHaveLength(3);
    last.ws.close();
  });
});
