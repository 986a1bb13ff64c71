import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** One receipt as the simulated printer decoded it on the bridge console. */
export interface PrintedJob {
  bytes: number;
  text: string;
}

/**
 * The real bridge (`hardware/src/main.ts --simulate`) as a child process on an ephemeral
 * loopback port, with its own state directory (or the one given, to start a bridge again where
 * another stopped); read through its console, fed through the CLI.
 */
export async function startBridgeProcess(origins: readonly string[], options: { stateDir?: string; timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'pos-bridge-e2e-')));
  const args = [join(root, 'hardware/src/main.ts'), '--simulate', '--port', '0', '--state-dir', stateDir, '--origins', origins.join(',')];
  const child = spawn(tsx, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (running() && child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // the group is gone already
    }
  };

  const waitFor = async <T>(read: () => T | null, what: string, ms = timeoutMs): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = read();
      if (value !== null) return value;
      if (!running() || Date.now() > deadline) throw new Error(`bridge: no ${what}\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const port = Number(await waitFor(() => /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? null, 'listening line'));

  const jobs = (): PrintedJob[] =>
    output
      .split('[simulated printer ')
      .slice(1)
      .map((block) => ({ bytes: Number(/\] (\d+) bytes/.exec(block)?.[1] ?? 0), text: block.split('\n').filter((l) => l.startsWith('  │ ')).map((l) => l.slice(4)).join('\n') }));

  return {
    url: `ws://127.0.0.1:${port}`,
    output: () => output,
    /** The code the console shows now (a new one after each pairing). */
    pairingCode: () => [...output.matchAll(/Pairing code: (\d{6})/g)].at(-1)?.[1] ?? '',
    jobs,
    waitForJob: (count: number, ms = 15_000) => waitFor(() => jobs()[count - 1] ?? null, `print job ${count}`, ms),
    /** `pnpm bridge <args>` against this bridge. */
    cli: async (...cliArgs: string[]) => (await run(tsx, [join(root, 'hardware/src/cli.ts'), ...cliArgs, '--state-dir', stateDir], { cwd: root, timeout: 15_000 })).stdout.trim(),
    /** Kills the process at once (SIGKILL: no shutdown of any kind), leaving its state directory as a crash or power cut would. */
    async crash() {
      signal('SIGKILL');
      await exited;
    },
    async stop() {
      signal('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      signal('SIGKILL');
      if (!options.stateDir) await rm(stateDir, { recursive: true, force: true });
    },
  };
}
export type BridgeProcess = Awaited<ReturnType<typeof startBridgeProcess>>;
