import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const needed = ['initdb', 'pg_ctl', 'pg_basebackup'];

function pgConfigBinDir(): string[] {
  try {
    return [execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()];
  } catch {
    return [];
  }
}

/** The folder with initdb, pg_ctl and pg_basebackup: pg_config's, else the newest version Debian installed. */
function serverBinDir(): string {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const found = [...pgConfigBinDir(), ...debian].find((dir) => needed.every((bin) => existsSync(join(dir, bin))));
  if (!found) throw new Error(`the replica test needs the PostgreSQL server programs (${needed.join(', ')}); on Debian: apt-get install postgresql`);
  return found;
}

/** A loopback port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  url: string;
  port: number;
}

export interface TempClusters {
  startPrimary(): Promise<Cluster>;
  startReplica(primary: Cluster): Promise<Cluster>;
  /** Stops every cluster started and removes the folder; safe to call whatever was started. */
  remove(): Promise<void>;
}

/**
 * PostgreSQL clusters of this machine's server programs in a temporary folder, listening on
 * loopback only with trust auth. initdb refuses root, so as root the programs run as `postgres`,
 * which then owns the folder.
 */
export function tempClusters(): TempClusters {
  const bin = serverBinDir();
  const root = mkdtempSync(join(tmpdir(), 'pos-replica-'));
  const asRoot = process.getuid?.() === 0;
  const idOfPostgres = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  if (asRoot) chownSync(root, idOfPostgres('-u'), idOfPostgres('-g'));
  const started: string[] = [];

  async function server(program: string, args: string[], log?: string): Promise<void> {
    const file = join(bin, program);
    try {
      await (asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: root }) : run(file, args, { cwd: root }));
    } catch (error) {
      const tail = log && existsSync(log) ? `\n${readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')}` : '';
      throw new Error(`${program} failed: ${(error as Error).message}${tail}`);
    }
  }

  async function start(name: string, port: number): Promise<Cluster> {
    const dir = join(root, name);
    appendFileSync(join(dir, 'postgresql.conf'), `port = ${port}\n`);
    const log = join(root, `${name}.log`);
    started.push(dir);
    await server('pg_ctl', ['-D', dir, '-l', log, '-w', '-t', '30', 'start'], log);
    return { port, url: `postgresql://postgres@127.0.0.1:${port}/postgres` };
  }

  return {
    async startPrimary() {
      const dir = join(root, 'primary');
      await server('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C.UTF-8']);
      // Copied into the replica by pg_basebackup; only the port differs.
      appendFileSync(join(dir, 'postgresql.conf'), [
        "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${root}'`, 'wal_level = replica', 'max_wal_senders = 4', 'hot_standby = on', 'fsync = off', '',
      ].join('\n'));
      return start('primary', await freePort());
    },
    async startReplica(primary) {
      const dir = join(root, 'replica');
      await server('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
      return start('replica', await freePort());
    },
    async remove() {
      try {
        for (const dir of started.reverse()) await server('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']).catch(() => {});
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
