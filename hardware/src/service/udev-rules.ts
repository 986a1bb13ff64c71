import type { BridgeConfig } from '../bridge/bridge-config';

export const UDEV_RULES_PATH = '/etc/udev/rules.d/70-pos-bridge.rules';
/** Rules an IT person adds by hand (devices found by the bridge, not named in bridge.json); install leaves it alone. */
export const LOCAL_UDEV_RULES_PATH = '/etc/udev/rules.d/71-pos-bridge-local.rules';
/** The group the rules give the device nodes to; the service runs with it. */
export const DEVICE_GROUP = 'plugdev';

/** A USB device the bridge opens: through hidraw (wedge scanners, card readers) or libusb (USB printers). */
export interface DeviceAccess {
  subsystem: 'hidraw' | 'usb';
  vendorId: number;
  productId: number;
  what: string;
}

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** The devices named in bridge.json that need a rule; serial ports and input nodes have their own groups already. */
export function devicesToAllow(config: Pick<BridgeConfig, 'printers' | 'wedgeDevices'>): DeviceAccess[] {
  const printers = config.printers.flatMap((printer): DeviceAccess[] =>
    printer.link.kind === 'usb' ? [{ subsystem: 'usb', vendorId: printer.link.vendorId, productId: printer.link.productId, what: `printer ${printer.id}` }] : [],
  );
  const wedges = config.wedgeDevices.map((device): DeviceAccess => ({ subsystem: 'hidraw', vendorId: device.vendorId, productId: device.productId, what: device.role.replace('_', ' ') }));
  return [...printers, ...wedges];
}

/** hidraw nodes sit below their USB device, so they match on its attributes (ATTRS); a USB device node on its own (ATTR). */
function rule(device: DeviceAccess): string {
  const attribute = device.subsystem === 'usb' ? 'ATTR' : 'ATTRS';
  const match = `SUBSYSTEM=="${device.subsystem}", ${attribute}{idVendor}=="${hex(device.vendorId)}", ${attribute}{idProduct}=="${hex(device.productId)}"`;
  return `# ${device.what}\n${match}, MODE="0660", GROUP="${DEVICE_GROUP}"`;
}

/** The rules file install writes: read and write for the service's group, on these devices only. */
export function udevRules(devices: readonly DeviceAccess[]): string {
  const header = [
    '# Written by "pnpm bridge install-service" from bridge.json; it is rewritten on each install.',
    `# Devices the bridge finds by itself (HID-POS scanners) go in ${LOCAL_UDEV_RULES_PATH}.`,
  ];
  return `${[...header, ...devices.map(rule)].join('\n')}\n`;
}
