import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLaunchOptions } from '../bridge/load-config';
import { windowsDataDir, windowsServiceDefinition } from './windows-service';

const input = { packageDir: 'C:\\pos\\hardware', dataDir: 'C:\\ProgramData\\pos-bridge', origins: ['https://pos.example.com'], withConfig: true };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('windowsServiceDefinition', () => {
  it('runs the bridge through tsx from its own folder, as a service node-windows registers', () => {
    const { service, workingDirectory } = windowsServiceDefinition(input);
    expect(service).toMatchObject({ name: 'POS Bridge', script: 'C:\\pos\\hardware\\src\\main.ts', nodeOptions: ['--import', 'tsx'] });
    expect(workingDirectory).toBe('C:\\pos\\hardware');
  });

  it('hands the origins, state folder and config to the bridge through its environment', () => {
    expect(windowsServiceDefinition(input).service.env).toEqual([
      { name: 'POS_BRIDGE_ORIGINS', value: 'https://pos.example.com' },
      { name: 'POS_BRIDGE_STATE_DIR', value: 'C:\\ProgramData\\pos-bridge\\state' },
      { name: 'POS_BRIDGE_CONFIG', value: 'C:\\ProgramData\\pos-bridge\\bridge.json' },
    ]);
    expect(windowsServiceDefinition({ ...input, withConfig: false }).service.env).toHaveLength(2);
  });

  it('restarts the bridge 3 s after it stops, never slower and never giving up, asks it to stop cleanly, and keeps its console log in the data folder', () => {
    expect(windowsServiceDefinition(input).service).toMatchObject({ wait: 3, grow: 0, maxRestarts: 30, logpath: 'C:\\ProgramData\\pos-bridge\\logs' });
    expect(windowsServiceDefinition(input).service).toMatchObject({ stopparentfirst: true, stoptimeout: 15 });
    expect(windowsServiceDefinition(input).service.maxRetries).toBeUndefined();
  });

  it('sets the environment the bridge reads its origins and state folder from', async () => {
    const { service, stateDir } = windowsServiceDefinition({ ...input, withConfig: false });
    const env = Array.isArray(service.env) ? service.env : [];
    for (const { name, value } of env) vi.stubEnv(name, value);
    const { config } = await loadLaunchOptions([]);
    expect(config).toMatchObject({ allowedOrigins: ['https://pos.example.com'], stateDir });
  });

  it('keeps everything under %ProgramData%', () => {
    expect(windowsDataDir({ ProgramData: 'D:\\Data' })).toBe('D:\\Data\\pos-bridge');
    expect(windowsDataDir({})).toBe('C:\\ProgramData\\pos-bridge');
  });
});
