import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtHq } from '../../processes/hq-process';
import { cpuSecondsOf } from './machine-probes';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const UNSET = ['DATABASE_URL', 'REPORTS_DATABASE_URL', 'POS_MODE', 'PGLITE_DIR', 'SEED_ON_EMPTY', 'METRICS_TOKEN', 'PORT', 'BACKUP_DIR', 'BACKUP_EVERY_HOURS', 'LOG_REQUESTS', 'LOG_FORMAT'];

export interface RunningHq {
  pid: number;
  url: string;
  /** The last lines it wrote, for a failure's message. */
  tail(): string;
  /** Its exit code once it has ended, null while it runs. */
  exitCode(): number | null;
  stop(): Promise<number | null>;
}

/**
 * Starts the built HQ (`node hq-server/dist/main.js`) in production mode on a port of its own,
 * as many times as asked, all on one database, and waits until each listens. Its request log
 * (a JSON line a request, as in production) is read and dropped as it comes, keeping a few
 * lines; `cpuProfileDir` has each process write a V8 CPU profile there when it stops.
 */
export async function startHqProcesses(count: number, env: Record<string, string>, cpuProfileDir: string | null): Promise<RunningHq[]> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !UNSET.includes(name)));
  const flags = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  return Promise.all(Array.from({ length: count }, () => startOne({ ...base, PORT: '0', HOST: '127.0.0.1', POS_MODE: 'production', ...env }, flags)));
}

function startOne(env: NodeJS.ProcessEnv, flags: string[]): Promise<RunningHq> {
  const child = spawn(process.execPath, [...flags, builtHq], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let recent: string[] = [];
  let pending = '';
  let announce: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (announce = resolve));
  const keep = (line: string) => {
    recent.push(line.slice(0, 2000));
    if (recent.length > 40) recent = recent.slice(-20);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"status":2') || line.includes('"status":3')) continue;
      keep(line);
      const url = /"msg":"listening".*?"url":"([^"]+)"/.exec(line)?.[1];
      if (url) announce(url);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').forEach(keep));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const tail = () => recent.join('\n');
  const refused = new Promise<never>((_, reject) => void exited.then((code) => reject(new Error(`HQ exited (${code}) before it listened:\n${tail()}`))));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`HQ did not listen within 120 s:\n${tail()}`)), 120_000)));
  // Whichever loses the race settles later with nobody waiting.
  refused.catch(() => {});
  timedOut.catch(() => {});
  return Promise.race([listening, refused, timedOut]).finally(() => clearTimeout(timer)).then((url) => ({
    pid: child.pid!, url, tail, exitCode: () => child.exitCode ?? (child.signalCode ? -1 : null),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  }));
}

/**
 * Waits until the processes have finished what they do on starting (migrations checked, the
 * scheduled jobs' first runs over every store): each under 5% of a core for two seconds running.
 * Answers how long that took, or null when they were still busy after `maxSeconds`.
 */
export async function settled(hqs: readonly RunningHq[], maxSeconds: number): Promise<number | null> {
  const started = performance.now();
  let quietFor = 0;
  let last = hqs.map((hq) => cpuSecondsOf(hq.pid) ?? 0);
  while ((performance.now() - started) / 1000 < maxSeconds) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = hqs.map((hq) => cpuSecondsOf(hq.pid) ?? 0);
    quietFor = now.every((cpu, i) => cpu - last[i]! < 0.025) ? quietFor + 1 : 0;
    last = now;
    if (quietFor >= 4) return Math.round((performance.now() - started) / 100) / 10;
  }
  return null;
}
