import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BridgeConfig, DEFAULT_CONFIG } from './bridge-config';

export interface LaunchOptions {
  config: BridgeConfig;
  simulate: boolean;
}

export const defaultStateDir = () => process.env.POS_BRIDGE_STATE_DIR ?? join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'pos-bridge');

const originList = (text: string) => text.split(',').map((o) => o.trim()).filter(Boolean);

/**
 * Defaults, then a JSON config file (`--config`, else `POS_BRIDGE_CONFIG`), then environment
 * (`POS_BRIDGE_PORT`, `POS_BRIDGE_ORIGINS`), then flags (`--origins a,b`).
 */
export async function loadLaunchOptions(argv: readonly string[]): Promise<LaunchOptions> {
  const { values } = parseArgs({
    args: [...argv],
    options: { simulate: { type: 'boolean', default: false }, port: { type: 'string' }, config: { type: 'string' }, 'state-dir': { type: 'string' }, origins: { type: 'string' } },
  });
  const env = process.env;
  const configFile = values.config ?? env.POS_BRIDGE_CONFIG;
  const file: unknown = configFile ? JSON.parse(await readFile(configFile, 'utf8')) : {};
  const merged = {
    ...DEFAULT_CONFIG,
    stateDir: defaultStateDir(),
    ...(typeof file === 'object' ? file : {}),
    ...(env.POS_BRIDGE_PORT ? { port: Number(env.POS_BRIDGE_PORT) } : {}),
    ...(env.POS_BRIDGE_ORIGINS ? { allowedOrigins: originList(env.POS_BRIDGE_ORIGINS) } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values['state-dir'] ? { stateDir: values['state-dir'] } : {}),
    ...(values.origins ? { allowedOrigins: originList(values.origins) } : {}),
  };
  return { config: BridgeConfig.parse(merged), simulate: values.simulate };
}
