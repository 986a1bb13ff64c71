import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linuxInstallProblems } from './linux-machine';

let folder: string | null = null;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A node binary and a bridge folder under `home`, whose mode decides whether other users can pass. */
async function install(homeMode: number) {
  folder = await mkdtemp(join(tmpdir(), 'pos-linux-machine-'));
  await chmod(folder, 0o755);
  const home = join(folder, 'home');
  await mkdir(join(home, 'pos', 'hardware'), { recursive: true });
  await writeFile(join(home, 'node'), '', { mode: 0o755 });
  await chmod(home, homeMode);
  return { nodePath: join(home, 'node'), packageDir: join(home, 'pos', 'hardware'), groups: new Set<string>(), installedConfig: null, home };
}

describe('linuxInstallProblems', () => {
  it('finds nothing wrong when node and the bridge are open to every user', async () => {
    expect(await linuxInstallProblems(await install(0o755), { dryRun: true })).toEqual([]);
  });

  it('names the folder that shuts the service user out of node and the bridge', async () => {
    const facts = await install(0o750);
    const problems = await linuxInstallProblems(facts, { dryRun: true });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(`cannot run node at ${facts.nodePath}: ${facts.home} is closed to other users`);
    expect(problems[1]).toContain(`cannot read the bridge at ${facts.packageDir}: ${facts.home} is closed to other users`);
  });
});
