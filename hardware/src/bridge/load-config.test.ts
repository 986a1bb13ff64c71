import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLaunchOptions } from './load-config';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('loadLaunchOptions', () => {
  it('lets the till served by HQ on its default port connect', async () => {
    const { config } = await loadLaunchOptions(['--state-dir', 'state']);
    expect(config.allowedOrigins).toEqual(expect.arrayContaining(['http://127.0.0.1:8080', 'http://localhost:8080']));
  });

  it('takes the allowed origins from --origins, and port 0 for any free port', async () => {
    const { config, simulate } = await loadLaunchOptions(['--simulate', '--port', '0', '--state-dir', 'state', '--origins', 'http://127.0.0.1:40123, http://localhost:40123']);
    expect(config).toMatchObject({ port: 0, stateDir: 'state', allowedOrigins: ['http://127.0.0.1:40123', 'http://localhost:40123'] });
    expect(simulate).toBe(true);
  });

  it('reads the config file POS_BRIDGE_CONFIG names when --config is not given, as the Windows service starts it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pos-load-config-'));
    try {
      await writeFile(join(folder, 'bridge.json'), JSON.stringify({ port: 9200, statusPollMs: 5000 }));
      vi.stubEnv('POS_BRIDGE_CONFIG', join(folder, 'bridge.json'));
      const { config } = await loadLaunchOptions(['--state-dir', 'state', '--port', '9300']);
      expect(config).toMatchObject({ port: 9300, statusPollMs: 5000 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
