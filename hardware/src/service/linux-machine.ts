import { constants } from 'node:fs';
import { access, readFile, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { groupNames, INSTALLED_CONFIG_PATH, UNIT_PATH, type LinuxFacts } from './linux-service';
import { readBridgeConfig } from './read-bridge-config';

/**
 * The machine as an install finds it: the node running this, the groups, what an earlier install
 * left. The installed bridge.json is read only when it will be used (no new one was given).
 */
export async function readLinuxFacts(packageDir: string, options: { installedConfig: boolean }): Promise<LinuxFacts & { unitInstalled: boolean }> {
  const installed = options.installedConfig && (await exists(INSTALLED_CONFIG_PATH));
  return {
    nodePath: await realpath(process.execPath),
    packageDir: await realpath(packageDir),
    groups: groupNames(await readFile('/etc/group', 'utf8').catch(() => '')),
    installedConfig: installed ? { devices: (await readBridgeConfig(INSTALLED_CONFIG_PATH)).devices } : null,
    unitInstalled: await exists(UNIT_PATH),
  };
}

/**
 * Why the service could not be installed or would not start, found before anything is written.
 * The service's user is made up at each start and belongs to no one's group, so node and the
 * bridge's folder must be open to all users (a checkout in a home folder usually is not).
 */
export async function linuxInstallProblems(facts: LinuxFacts, options: { dryRun: boolean }): Promise<string[]> {
  const problems: string[] = [];
  if (!options.dryRun && process.getuid?.() !== 0) problems.push('run as root (sudo): the install writes to /etc and starts a system service');
  if (!options.dryRun && !(await exists('/run/systemd/system'))) problems.push('this machine was not started by systemd (no /run/systemd/system); the bridge service needs it');
  for (const [path, need, what] of [
    [facts.nodePath, 0o001, 'run node'],
    [facts.packageDir, 0o005, 'read the bridge'],
  ] as const) {
    const blocked = await closedToOthers(path, need);
    if (blocked) problems.push(`the service's user cannot ${what} at ${path}: ${blocked} is closed to other users. Install node and the bridge outside home folders (e.g. /usr/bin/node and /opt/pos)`);
  }
  return problems;
}

/** The first of `path`'s folders (or `path` itself) that other users cannot pass, or null. */
async function closedToOthers(path: string, need: number): Promise<string | null> {
  const folders: string[] = [];
  for (let folder = dirname(path); folders.at(-1) !== folder; folder = dirname(folder)) folders.push(folder);
  for (const folder of folders.reverse()) if (((await stat(folder)).mode & 0o001) === 0) return folder;
  return ((await stat(path)).mode & need) === need ? null : path;
}

const exists = (path: string) => access(path, constants.F_OK).then(() => true, () => false);
