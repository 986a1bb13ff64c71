import { describe, expect, it } from 'vitest';
import { loadLaunchOptions } from './load-config';

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
});
