import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadLaunchOptions } from '../bridge/load-config';
import { devicesToAllow, type DeviceAccess } from './udev-rules';

/** A bridge.json that loads as the bridge will load it: its text, to copy, and the devices it names. */
export interface CheckedBridgeConfig {
  text: string;
  devices: DeviceAccess[];
}

/** Reads and checks a bridge.json; a file that is missing or the bridge would refuse throws, saying why. */
export async function readBridgeConfig(path: string): Promise<CheckedBridgeConfig> {
  try {
    const text = await readFile(path, 'utf8');
    const { config } = await loadLaunchOptions(['--config', path, '--state-dir', 'state']);
    return { text, devices: devicesToAllow(config) };
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    throw new Error(`${path} cannot be used as the bridge's config: ${reason}`);
  }
}
