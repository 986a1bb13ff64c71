import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinuxFacts } from './linux-service';
import { runServiceCommand, type ServiceCliEnvironment } from './service-cli';
import type { WindowsServiceDefinition } from './windows-service';

const facts: LinuxFacts & { unitInstalled: boolean } = { nodePath: '/usr/bin/node', packageDir: '/opt/pos/hardware', groups: new Set(['plugdev']), installedConfig: null, unitInstalled: true };

/** The commands' surroundings, recording what they would have done to the machine. */
function recordingEnvironment(platform: NodeJS.Platform = 'linux', problems: string[] = []) {
  const done: string[] = [];
  const printed: string[] = [];
  const errors: string[] = [];
  const registered: { definition: WindowsServiceDefinition; configText: string | null }[] = [];
  const env: ServiceCliEnvironment = {
    platform,
    packageDir: '/opt/pos/hardware',
    callerDir: tmpdir(),
    out: (text) => printed.push(text),
    err: (text) => errors.push(text),
    host: {
      writeFile: async (path) => void done.push(`write ${path}`),
      remove: async (path) => void done.push(`remove ${path}`),
      run: async (command) => void done.push(command.join(' ')),
    },
    linuxFacts: async () => facts,
    linuxProblems: async () => problems,
    windows: {
      install: async (definition, configText) => void registered.push({ definition, configText }),
      uninstall: async (definition) => void done.push(`uninstall ${definition.service.name}`),
      dataDir: 'C:\\ProgramData\\pos-bridge',
      hasInstalledConfig: async () => false,
    },
  };
  return { env, done, printed, errors, registered };
}

let folder: string | null = null;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('pnpm bridge install-service', () => {
  it('installs, enables and starts the unit for the origin given, and says where the pairing code shows', async () => {
    const { env, done, printed } = recordingEnvironment();
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com'], env)).toBe(0);
    expect(done).toEqual(expect.arrayContaining(['write /etc/systemd/system/pos-bridge.service', 'systemctl enable pos-bridge.service', 'systemctl restart pos-bridge.service']));
    expect(printed.join('\n')).toContain('journalctl -u pos-bridge');
  });

  it('refuses a bad origin with the reason and writes nothing', async () => {
    const { env, done, errors } = recordingEnvironment();
    expect(await runServiceCommand(['install-service', '--origin', 'http://pos.example.com'], env)).toBe(2);
    expect(errors.join('\n')).toContain('Nothing was installed');
    expect(errors.join('\n')).toContain('http://pos.example.com: plain http:// is only for localhost or 127.0.0.1');
    expect(done).toEqual([]);
  });

  it('prints what it would write with --dry-run, and writes nothing', async () => {
    const { env, done, printed } = recordingEnvironment();
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com', '--dry-run'], env)).toBe(0);
    expect(printed.join('\n')).toContain('# write /etc/systemd/system/pos-bridge.service');
    expect(printed.join('\n')).toContain('$ systemctl restart pos-bridge.service');
    expect(done).toEqual([]);
  });

  it('stops before writing anything when the machine cannot run the service', async () => {
    const { env, done, errors } = recordingEnvironment('linux', ['run as root (sudo)']);
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com'], env)).toBe(1);
    expect(errors).toEqual(['Nothing was installed:\n  run as root (sudo)']);
    expect(done).toEqual([]);
  });

  it('refuses a bridge.json the bridge could not load, naming it, and writes nothing', async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-service-cli-'));
    await writeFile(join(folder, 'bridge.json'), '{"port": "nine"}');
    const { env, done, errors } = recordingEnvironment();
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com', '--config', join(folder, 'bridge.json')], env)).toBe(1);
    expect(errors.join('\n')).toContain(`${join(folder, 'bridge.json')} cannot be used as the bridge's config`);
    expect(done).toEqual([]);
  });

  it('registers the Windows service through node-windows with the checked bridge.json', async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-service-cli-'));
    await writeFile(join(folder, 'bridge.json'), '{"printers": []}');
    const { env, registered } = recordingEnvironment('win32');
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com', '--config', 'bridge.json'], { ...env, callerDir: folder })).toBe(0);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ configText: '{"printers": []}', definition: { configPath: 'C:\\ProgramData\\pos-bridge\\bridge.json' } });
  });

  it('answers a wrong command line with the usage', async () => {
    const { env, errors } = recordingEnvironment();
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com', '--port', '1'], env)).toBe(2);
    expect(errors.join('\n')).toContain('usage:');
    expect(await runServiceCommand(['install-service', '--origin', 'https://pos.example.com'], { ...env, platform: 'darwin' })).toBe(2);
  });
});

describe('pnpm bridge uninstall-service', () => {
  it('removes the service and says what it kept', async () => {
    const { env, done, printed } = recordingEnvironment();
    expect(await runServiceCommand(['uninstall-service'], env)).toBe(0);
    expect(done[0]).toBe('systemctl disable --now pos-bridge.service');
    expect(printed.join('\n')).toContain('Kept: /etc/pos-bridge/bridge.json and the bridge\'s state in /var/lib/pos-bridge');
  });

  it('removes the Windows service through node-windows', async () => {
    const { env, done } = recordingEnvironment('win32');
    expect(await runServiceCommand(['uninstall-service'], env)).toBe(0);
    expect(done).toEqual(['uninstall POS Bridge']);
  });
});
