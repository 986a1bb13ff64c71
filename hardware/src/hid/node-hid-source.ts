import type { HidConnection, HidDeviceInfo, HidSource } from './hid-source';

/** Real HID devices through node-hid (hidraw on Linux). */
export async function loadNodeHidSource(): Promise<HidSource> {
  const hid = await import('node-hid');
  return {
    async list(): Promise<HidDeviceInfo[]> {
      const devices = await hid.devicesAsync();
      return devices.flatMap((d) =>
        d.path ? [{ path: d.path, vendorId: d.vendorId, productId: d.productId, product: d.product ?? null, usagePage: d.usagePage ?? null, usage: d.usage ?? null }] : [],
      );
    },
    async open(path: string): Promise<HidConnection> {
      const device = await hid.HIDAsync.open(path, { nonExclusive: true });
      return {
        onReport: (listener) => void device.on('data', (data: Buffer) => listener(new Uint8Array(data))),
        onError: (listener) => void device.on('error', (error: Error) => listener(error)),
        close: () => device.close(),
      };
    },
  };
}

/** What to tell the person at the till when node-hid or a device cannot be opened. */
export function hidTroubleHint(error: unknown, device?: HidDeviceInfo): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/libusb|cannot open shared object/i.test(message)) {
    return `HID support is off: ${message}\n  Install the USB library: sudo apt-get install libusb-1.0-0`;
  }
  const ids = device ? { v: hex(device.vendorId), p: hex(device.productId) } : { v: 'VVVV', p: 'PPPP' };
  return [
    `cannot open ${device?.path ?? 'HID device'} (${message}). Allow the bridge to read it, e.g. in /etc/udev/rules.d/71-pos-bridge-local.rules:`,
    `  SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${ids.v}", ATTRS{idProduct}=="${ids.p}", MODE="0660", GROUP="plugdev"`,
    `  SUBSYSTEM=="input", ATTRS{idVendor}=="${ids.v}", ATTRS{idProduct}=="${ids.p}", MODE="0660", GROUP="plugdev"`,
    '  then: sudo udevadm control --reload && sudo udevadm trigger. The bridge service has the plugdev group; a bridge started by hand needs its user in plugdev.',
  ].join('\n');
}

const hex = (n: number) => n.toString(16).padStart(4, '0');
