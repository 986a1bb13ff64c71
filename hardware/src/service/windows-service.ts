import { mkdir, writeFile } from 'node:fs/promises';
import { win32 } from 'node:path';
import type { Service, ServiceConfig } from 'node-windows';

/**
 * Windows has no way to run a plain program as a service, so something must answer the service
 * manager. node-windows is the most used npm package for it: it ships WinSW (no download at
 * install), writes its XML from a typed config, restarts the script when it dies and rotates
 * its console logs by size. It cannot be run on Linux, so this file keeps to the definition
 * (tested) and the few calls that register, start and remove the service.
 */
export const WINDOWS_SERVICE_NAME = 'POS Bridge';

export interface WindowsServiceInput {
  /** The `@pos/hardware` folder: the service runs in it, so that `--import tsx` finds its tsx. */
  packageDir: string;
  /** `%ProgramData%\pos-bridge`: config, state and logs. */
  dataDir: string;
  origins: readonly string[];
  /** Whether a bridge.json is installed (given now, or left by an earlier install). */
  withConfig: boolean;
}

export interface WindowsServiceDefinition {
  service: ServiceConfig;
  workingDirectory: string;
  configPath: string;
  stateDir: string;
}

export const windowsDataDir = (env: NodeJS.ProcessEnv) => win32.join(env.ProgramData ?? 'C:\\ProgramData', 'pos-bridge');
export const windowsConfigPath = (dataDir: string) => win32.join(dataDir, 'bridge.json');

/**
 * What node-windows registers. Settings reach the bridge through its environment (node-windows
 * 0.1 passes the script no arguments). The wrapper restarts the bridge 3 s after it stops, every
 * time (`grow: 0` keeps the wait from growing without bound; fewer than 30 starts fit in its
 * 60 s window, so it never gives up). On stop the wrapper sends the bridge a `shutdown` message
 * (`stopparentfirst`), which main.ts answers by closing as on SIGTERM; left unset, node-windows
 * passes the wrapper the word "undefined", which it takes as set all the same. Console output goes
 * to `logs\posbridge.out.log`, which WinSW rolls at 10 MB keeping 8 files (node-windows' `rotate` log mode).
 */
export function windowsServiceDefinition(input: WindowsServiceInput): WindowsServiceDefinition {
  const configPath = windowsConfigPath(input.dataDir);
  const stateDir = win32.join(input.dataDir, 'state');
  const env = [
    { name: 'POS_BRIDGE_ORIGINS', value: input.origins.join(',') },
    { name: 'POS_BRIDGE_STATE_DIR', value: stateDir },
    ...(input.withConfig ? [{ name: 'POS_BRIDGE_CONFIG', value: configPath }] : []),
  ];
  return {
    service: {
      name: WINDOWS_SERVICE_NAME,
      description: 'POS hardware bridge: receipt printer, cash drawer, scanner and card reader for the till page.',
      script: win32.join(input.packageDir, 'src', 'main.ts'),
      nodeOptions: ['--import', 'tsx'],
      env,
      logpath: win32.join(input.dataDir, 'logs'),
      wait: 3,
      grow: 0,
      maxRestarts: 30,
      stopparentfirst: true,
      stoptimeout: 15,
    },
    workingDirectory: input.packageDir,
    configPath,
    stateDir,
  };
}

/** Registers the service (replacing an earlier one, to take new origins) and starts it. Needs an administrator. */
export async function installWindowsService(definition: WindowsServiceDefinition, configText: string | null): Promise<void> {
  await mkdir(definition.stateDir, { recursive: true });
  if (configText !== null) await writeFile(definition.configPath, configText);
  const service = await serviceFor(definition);
  if (service.exists) await settle(service, 'uninstall', () => service.uninstall());
  await settle(service, 'install', () => service.install());
  await settle(service, 'start', () => service.start());
}

/** Stops and removes the service; config, state and logs stay in the data folder. */
export async function uninstallWindowsService(definition: WindowsServiceDefinition): Promise<void> {
  const service = await serviceFor(definition);
  if (service.exists) await settle(service, 'uninstall', () => service.uninstall());
}

async function serviceFor(definition: WindowsServiceDefinition): Promise<Service> {
  const { Service } = await import('node-windows');
  const service = new Service(definition.service);
  service.workingdirectory = definition.workingDirectory;
  return service;
}

/** node-windows answers with events: resolves on `done`, rejects on any event that means it did not happen. */
function settle(service: Service, done: 'install' | 'uninstall' | 'start', act: () => void): Promise<void> {
  const failures = ['error', 'invalidinstallation', 'alreadyinstalled'];
  return new Promise<void>((resolve, reject) => {
    const listeners = new Map<string, (reason?: unknown) => void>();
    const finish = (error?: Error) => {
      for (const [event, listener] of listeners) service.off(event, listener);
      if (error) reject(error);
      else resolve();
    };
    listeners.set(done, () => finish());
    for (const event of failures) listeners.set(event, (reason) => finish(new Error(`${WINDOWS_SERVICE_NAME}: ${event}${reason ? `: ${String(reason)}` : ''}`)));
    for (const [event, listener] of listeners) service.on(event, listener);
    act();
  });
}
