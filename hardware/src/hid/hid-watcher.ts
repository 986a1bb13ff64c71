import type { DeviceInfo } from '@pos/shared/bridge/index';
import type { WedgeDevice } from '../bridge/bridge-config';
import type { DeviceRegistry } from '../bridge/device-registry';
import { maskCardNumber, parseSwipe } from '../card-reader/card-track-parser';
import { createHidPosDecoder, HID_POS_USAGE_PAGE } from '../scanner/hid-pos-decoder';
import { createKeyboardDecoder } from '../scanner/keyboard-report-decoder';
import type { InputGrabber } from './evdev-grab';
import { KEYBOARD_USAGE, KEYBOARD_USAGE_PAGE, type HidConnection, type HidDeviceInfo, type HidSource } from './hid-source';
import { hidTroubleHint } from './node-hid-source';

type Role = { kind: 'scanner'; mode: 'wedge' | 'hid-pos' } | { kind: 'card_reader'; mode: 'wedge' };

export interface HidWatcherOptions {
  source: HidSource;
  registry: DeviceRegistry;
  wedgeDevices: readonly WedgeDevice[];
  grabber: InputGrabber | null;
  log(line: string): void;
}

/** Finds scanners and card readers at start and whenever one is plugged in or pulled out. */
export function createHidWatcher(options: HidWatcherOptions) {
  const open = new Map<string, { connection: HidConnection; release(): void }>();
  const failed = new Set<string>();

  function classify(device: HidDeviceInfo): Role | null {
    if (device.usagePage === HID_POS_USAGE_PAGE) return { kind: 'scanner', mode: 'hid-pos' };
    const wedge = options.wedgeDevices.find((w) => w.vendorId === device.vendorId && w.productId === device.productId);
    const keyboard = device.usagePage === KEYBOARD_USAGE_PAGE && device.usage === KEYBOARD_USAGE;
    return wedge && keyboard ? { kind: wedge.role, mode: 'wedge' } : null;
  }

  function listen(id: string, role: Role, connection: HidConnection): void {
    const { registry, log } = options;
    const onLine = (line: string) => {
      if (role.kind === 'scanner') return registry.publish({ kind: 'scan', deviceId: id, data: line.slice(0, 256), symbology: null });
      const swipe = parseSwipe(line);
      if (!swipe.ok) return registry.publish({ kind: 'card.misread', deviceId: id });
      log(`card swiped on ${id}: ${maskCardNumber(swipe.card.number)}`);
      registry.publish({ kind: 'card.swiped', deviceId: id, card: swipe.card });
    };
    const decoder = role.mode === 'hid-pos'
      ? createHidPosDecoder((scan) => registry.publish({ kind: 'scan', deviceId: id, data: scan.data.slice(0, 256), symbology: scan.symbology }))
      : createKeyboardDecoder(onLine);
    connection.onReport((report) => decoder.push(report));
    connection.onError(() => void detach(id));
  }

  async function attach(device: HidDeviceInfo, role: Role): Promise<void> {
    let connection: HidConnection;
    try {
      connection = await options.source.open(device.path);
    } catch (error) {
      if (!failed.has(device.path)) options.log(hidTroubleHint(error, device));
      failed.add(device.path);
      return;
    }
    const release = role.mode === 'wedge' ? await grab(device.path) : () => undefined;
    open.set(device.path, { connection, release });
    listen(device.path, role, connection);
    options.registry.attach(describe(device, role));
  }

  async function grab(path: string): Promise<() => void> {
    if (!options.grabber) return () => undefined;
    try {
      return (await options.grabber.grab(path)).release;
    } catch (error) {
      options.log(`keystrokes from ${path} will also reach the browser: ${error instanceof Error ? error.message : String(error)}`);
      return () => undefined;
    }
  }

  async function detach(path: string): Promise<void> {
    const entry = open.get(path);
    if (!entry) return;
    open.delete(path);
    entry.release();
    await entry.connection.close().catch(() => undefined);
    options.registry.detach(path);
  }

  return {
    /** One look at the bus: opens what is new, lets go of what is gone. */
    async scan(): Promise<void> {
      const devices = await options.source.list();
      const present = new Set(devices.map((d) => d.path));
      for (const path of [...open.keys()]) if (!present.has(path)) await detach(path);
      for (const path of [...failed]) if (!present.has(path)) failed.delete(path);
      for (const device of devices) {
        const role = classify(device);
        if (role && !open.has(device.path) && !failed.has(device.path)) await attach(device, role);
      }
    },
    close: () => Promise.all([...open.keys()].map(detach)).then(() => undefined),
  };
}

function describe(device: HidDeviceInfo, role: Role): DeviceInfo {
  const name = device.product ?? `${role.kind} ${device.vendorId.toString(16)}:${device.productId.toString(16)}`;
  return { id: device.path, kind: role.kind, name: `${name} (${role.mode})`, transport: 'hid', status: { connected: true, paperOut: null, coverOpen: null, error: null }, queued: 0 };
}
