import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type postgres from 'postgres';
import { round } from '../stats';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A process's user and system CPU so far, in seconds, from /proc/<pid>/stat; null once it is gone. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc/<pid>/status. */
export function rssMbOf(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/**
 * PostgreSQL's server processes by pid: those working for `database` (its backends, an autovacuum
 * worker on it) and the server's own (checkpointer, WAL writer…), which every database shares,
 * apart from the backends of other databases (another run on the same server).
 */
function postgresPids(database: string): { ours: number[]; others: number[] } {
  const found = { ours: [] as number[], others: [] as number[] };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const otherBackend = !title.includes(database) && /: \S+ \S+ [\d.:a-f]+\(\d+\)/.test(title);
      (otherBackend ? found.others : found.ours).push(Number(name));
    } catch {
      // The process ended while it was being read.
    }
  }
  return found;
}

function machineTimes() {
  return cpus().reduce((t, cpu) => ({ idle: t.idle + cpu.times.idle, total: t.total + cpu.times.idle + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq }), { idle: 0, total: 0 });
}

/**
 * CPU used over a window by the HQ processes, PostgreSQL's processes for this database and the
 * server's own (a backend that ended inside the window is missed; other databases' backends
 * apart), this load generator and the whole machine, in cores
 * (1.0 = one core busy the whole window); HQ's resident memory and PostgreSQL's connections
 * sampled every second.
 */
export function startProbes(hqPids: readonly number[], admin: postgres.Sql, database: string) {
  const startedAt = performance.now();
  const hqStart = hqPids.map(cpuSecondsOf);
  const pgStart = new Map(Object.values(postgresPids(database)).flat().map((pid) => [pid, cpuSecondsOf(pid) ?? 0]));
  const ownStart = process.cpuUsage();
  const machineStart = machineTimes();
  const maxRss = hqPids.map(() => 0);
  const backends: { total: number; active: number; waitingOnLocks: number }[] = [];
  const sample = async () => {
    hqPids.forEach((pid, i) => void (maxRss[i] = Math.max(maxRss[i]!, rssMbOf(pid) ?? 0)));
    const [row] = await admin<{ total: number; active: number; waiting_on_locks: number }[]>`
      select count(*)::int as total, count(*) filter (where state = 'active')::int as active,
             count(*) filter (where wait_event_type = 'Lock')::int as waiting_on_locks
      from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
    if (row) backends.push({ total: row.total, active: row.active, waitingOnLocks: row.waiting_on_locks });
  };
  const timer = setInterval(() => void sample().catch(() => {}), 1000);

  return {
    finish() {
      clearInterval(timer);
      const seconds = (performance.now() - startedAt) / 1000;
      const cores = (cpuSeconds: number) => round(cpuSeconds / seconds, 2);
      const pids = postgresPids(database);
      const used = (list: number[]) => list.reduce((sum, pid) => sum + Math.max(0, (cpuSecondsOf(pid) ?? 0) - (pgStart.get(pid) ?? 0)), 0);
      const own = process.cpuUsage(ownStart);
      const machine = machineTimes();
      const busy = 1 - (machine.idle - machineStart.idle) / Math.max(1, machine.total - machineStart.total);
      const mean = (pick: (b: (typeof backends)[number]) => number) => (backends.length ? round(backends.reduce((n, b) => n + pick(b), 0) / backends.length, 1) : null);
      return {
        hq: hqPids.map((pid, i) => ({ cpuCores: cores((cpuSecondsOf(pid) ?? 0) - (hqStart[i] ?? 0)), rssMbAtEnd: rssMbOf(pid), rssMbMax: maxRss[i] })),
        postgres: {
          cpuCores: cores(used(pids.ours)),
          otherDatabasesCpuCores: cores(used(pids.others)),
          backends: { max: Math.max(0, ...backends.map((b) => b.total)), mean: mean((b) => b.total) },
          activeBackends: { max: Math.max(0, ...backends.map((b) => b.active)), mean: mean((b) => b.active) },
          waitingOnLocks: { max: Math.max(0, ...backends.map((b) => b.waitingOnLocks)), mean: mean((b) => b.waitingOnLocks) },
        },
        generator: { cpuCores: cores((own.user + own.system) / 1e6) },
        machine: { cores: cpus().length, busyPercent: round(busy * 100, 1), loadavg: loadavg().map((l) => round(l)) },
      };
    },
  };
}

export type ProbeFigures = ReturnType<ReturnType<typeof startProbes>['finish']>;
