import type { OutEndpoint } from 'usb';
import { OFFLINE, TransportError, type PrinterTransport } from './printer-transport';

export interface UsbTarget {
  vendorId: number;
  productId: number;
}

/** A USB printer-class device written through libusb on its bulk OUT endpoint. */
export function usbTransport(target: UsbTarget): PrinterTransport {
  const description = `usb ${hex(target.vendorId)}:${hex(target.productId)}`;
  return {
    kind: 'usb',
    description,
    async write(bytes) {
      const { findByIds } = await loadUsb();
      const device = findByIds(target.vendorId, target.productId);
      if (!device) throw new TransportError(`${description} is not plugged in`, false);
      device.open();
      try {
        const iface = device.interface(0);
        if (iface.isKernelDriverActive()) iface.detachKernelDriver();
        iface.claim();
        const out = iface.endpoints.find((e): e is OutEndpoint => e.direction === 'out');
        if (!out) throw new TransportError(`${description} has no OUT endpoint`, false);
        await new Promise<void>((resolve, reject) => out.transfer(Buffer.from(bytes), (e) => (e ? reject(new TransportError(e.message, true)) : resolve())));
        await new Promise<void>((resolve) => iface.release(() => resolve()));
      } finally {
        device.close();
      }
    },
    status: async () => ((await loadUsb()).findByIds(target.vendorId, target.productId) ? { connected: true, paperOut: null, coverOpen: null } : OFFLINE),
    close: async () => undefined,
  };
}

/** Loaded on first use so a till without libusb still runs its network and serial printers. */
const loadUsb = () => import('usb');

const hex = (n: number) => n.toString(16).padStart(4, '0');
