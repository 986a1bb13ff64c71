import type { HidConnection, HidDeviceInfo, HidSource } from '../hid/hid-source';
import { usLayoutKeys } from '../scanner/keyboard-report-decoder';

/** HID devices that exist only in memory; reports are fed by tests, the demo or the CLI. */
export class SimulatedHid implements HidSource {
  private readonly devices = new Map<string, HidDeviceInfo>();
  private readonly listeners = new Map<string, (report: Uint8Array) => void>();

  plug(device: HidDeviceInfo): void {
    this.devices.set(device.path, device);
  }

  unplug(path: string): void {
    this.devices.delete(path);
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...this.devices.values()];
  }

  async open(path: string): Promise<HidConnection> {
    if (!this.devices.has(path)) throw new Error(`no device at ${path}`);
    return {
      onReport: (listener) => void this.listeners.set(path, listener),
      onError: () => undefined,
      close: async () => void this.listeners.delete(path),
    };
  }

  send(path: string, reports: readonly Uint8Array[]): void {
    const listener = this.listeners.get(path);
    if (!listener) throw new Error(`${path} is not open`);
    for (const report of reports) listener(report);
  }
}

/** The boot reports a US-layout wedge device sends to type `text` and press Enter. */
export function keyboardReportsFor(text: string): Uint8Array[] {
  const keys = usLayoutKeys();
  const release = new Uint8Array(8);
  return [...Array.from(text), '\n'].flatMap((char) => {
    const key = char === '\n' ? { key: 0x28, shift: false } : keys.get(char);
    if (!key) throw new Error(`cannot type ${JSON.stringify(char)} on a US keyboard`);
    return [Uint8Array.of(key.shift ? 0x02 : 0, 0, key.key, 0, 0, 0, 0, 0), release];
  });
}

export const SIM_SCANNER: HidDeviceInfo = { path: 'sim:scanner', vendorId: 0x0c2e, productId: 0x0b61, product: 'Simulated scanner', usagePage: 1, usage: 6 };
export const SIM_CARD_READER: HidDeviceInfo = { path: 'sim:card-reader', vendorId: 0x0801, productId: 0x0001, product: 'Simulated card reader', usagePage: 1, usage: 6 };
export const SIM_WEDGE_DEVICES = [
  { vendorId: SIM_SCANNER.vendorId, productId: SIM_SCANNER.productId, role: 'scanner' as const },
  { vendorId: SIM_CARD_READER.vendorId, productId: SIM_CARD_READER.productId, role: 'card_reader' as const },
];
