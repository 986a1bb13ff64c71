import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execStart, systemdUnit, systemdWord, type SystemdUnitSpec } from './systemd-unit';
import { commandWords, readUnitFile, unitSetting } from './unit-file.test-support';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const spec: SystemdUnitSpec = { nodePath: process.execPath, packageDir, origins: ['https://pos.example.com', 'http://localhost:8080'], configPath: '/etc/pos-bridge/bridge.json' };

/** systemd-analyze checks units without a running systemd; `apt-get install systemd` brings it (.ci/run does). */
const analyzer = (() => {
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const needsAnalyzer = analyzer ? '' : ' (skipped: systemd-analyze is not installed; apt-get install systemd)';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pos-unit-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes the unit as pos-bridge.service in a folder of its own, and lets systemd-analyze `verb` it. */
async function analyze(unit: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const dir = await mkdtemp(join(folder, 'unit-'));
  const file = join(dir, 'pos-bridge.service');
  await writeFile(file, unit);
  return run('systemd-analyze', [...args, '--no-pager', file], { cwd: dir });
}

describe('systemdWord', () => {
  it('writes the program and any argument so that systemd reads them back unchanged', () => {
    const nasty = ['/opt/pos bridge/main.ts', 'a"quote', "it's", 'back\\slash', '100%', '$HOME', '${STATE_DIRECTORY}', 'https://pos.example.com,http://localhost:8080'];
    const line = [systemdWord('/opt/node $1/node', { program: true }), ...nasty.map((word) => systemdWord(word))].join(' ');
    expect(commandWords(line, { HOME: '/root', STATE_DIRECTORY: '/var/lib/x' })).toEqual(['/opt/node $1/node', ...nasty]);
  });
});

describe('the systemd unit', () => {
  const unit = readUnitFile(systemdUnit(spec, ['plugdev', 'dialout', 'input']));

  it('runs the bridge with the origins given at install, in the state folder systemd makes for it', () => {
    expect(commandWords(unitSetting(unit, 'Service', 'ExecStart'), { STATE_DIRECTORY: '/var/lib/pos-bridge' })).toEqual([
      process.execPath, '--import', 'tsx', join(packageDir, 'src', 'main.ts'),
      '--config', '/etc/pos-bridge/bridge.json', '--origins', 'https://pos.example.com,http://localhost:8080', '--state-dir', '/var/lib/pos-bridge',
    ]);
    expect(unitSetting(unit, 'Service', 'StateDirectory')).toBe('pos-bridge');
    expect(unitSetting(unit, 'Service', 'WorkingDirectory')).toBe(packageDir);
  });

  it('starts at boot and comes back after any exit, every 3 seconds without giving up', () => {
    expect(unitSetting(unit, 'Install', 'WantedBy')).toBe('multi-user.target');
    expect(unitSetting(unit, 'Service', 'Restart')).toBe('always');
    expect(unitSetting(unit, 'Service', 'RestartSec')).toBe('3s');
    expect(unitSetting(unit, 'Unit', 'StartLimitIntervalSec')).toBe('0');
  });

  it('runs as a user of its own with the device groups, and no capabilities', () => {
    expect(unitSetting(unit, 'Service', 'DynamicUser')).toBe('yes');
    expect(unitSetting(unit, 'Service', 'SupplementaryGroups')).toBe('plugdev dialout input');
    expect(unitSetting(unit, 'Service', 'CapabilityBoundingSet')).toBe('');
    expect(unit.get('Service')?.has('PrivateDevices')).toBe(false);
  });

  it(`passes systemd-analyze verify without a word of complaint${needsAnalyzer}`, { skip: !analyzer }, async () => {
    const { stdout, stderr } = await analyze(systemdUnit(spec, ['plugdev']), 'verify', '--man=no');
    expect(`${stdout}${stderr}`).toBe('');
  });

  it(`still verifies with node and the bridge in folders whose names need quoting${needsAnalyzer}`, { skip: !analyzer }, async () => {
    const odd = join(folder, 'node 100% $x');
    await mkdir(odd);
    await symlink(process.execPath, join(odd, 'node'));
    const { stdout, stderr } = await analyze(systemdUnit({ ...spec, nodePath: join(odd, 'node'), packageDir: odd }, []), 'verify', '--man=no');
    expect(`${stdout}${stderr}`).toBe('');
    expect(commandWords(execStart({ ...spec, nodePath: join(odd, 'node') }), { STATE_DIRECTORY: 's' })[0]).toBe(join(odd, 'node'));
  });

  it(`is hardened to an exposure level of 3.0 or better by systemd-analyze security${needsAnalyzer}`, { skip: !analyzer }, async () => {
    const { stdout } = await analyze(systemdUnit(spec, ['plugdev', 'dialout', 'input']), 'security', '--offline=true', '--threshold=30');
    expect(stdout).toMatch(/Overall exposure level for pos-bridge\.service: [0-2]\.\d/);
  });
});
