import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const builtHq = fileURLToPath(new URL('../../hq-server/dist/main.js', import.meta.url));

export interface HqProcess {
  /** Each line HQ wrote to standard output that is a JSON object, in order. */
  readonly logs: Record<string, unknown>[];
  /** Standard error, whole. */
  stderr(): string;
  /** Where it listens, once it says so. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** This test run's environment less what would point HQ at a database or a mode the test did not choose. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REPORTS_DATABASE_URL', 'POS_MODE', 'PGLITE_DIR', 'SEED_ON_EMPTY', 'METRICS_TOKEN', 'PORT', 'BACKUP_DIR', 'BACKUP_EVERY_HOURS']) delete env[name];
  return env;
}

/** Starts the built HQ (`node hq-server/dist/main.js`) with `env` over a clean environment, on a port of its own choosing unless told. */
export function startBuiltHq(env: Record<string, string>): HqProcess {
  const child = spawn(process.execPath, [builtHq], { cwd: root, env: { ...baseEnv(), PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let pending = '';
  let announce: (url: string) => void = () => {};
  let giveUp: (error: Error) => void = () => {};
  const listening = new Promise<string>((resolve, reject) => {
    announce = resolve;
    giveUp = reject;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      const parsed = parseLine(line);
      if (!parsed) continue;
      logs.push(parsed);
      if (parsed.msg === 'listening' && typeof parsed.url === 'string') announce(parsed.url);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then((code) => giveUp(new Error(`HQ exited (${code}) before listening: ${stderr}`)));
  // A test that expects the refusal never awaits the address.
  listening.catch(() => {});
  return {
    logs, listening, exited,
    stderr: () => stderr,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Waits until `ready` holds, checking every 100 ms, or fails after `ms`. */
export async function waitFor(what: string, ready: () => boolean, ms = 30_000): Promise<void> {
  for (const until = Date.now() + ms; !ready(); await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
  }
}
