import type { PrinterLink } from '../../bridge/bridge-config';
import { networkTransport } from './network-transport';
import type { PrinterTransport } from './printer-transport';
import { serialTransport } from './serial-transport';
import { usbTransport } from './usb-transport';

export function transportFor(link: PrinterLink): PrinterTransport {
  switch (link.kind) {
    case 'network':
      return networkTransport({ host: link.host, port: link.port });
    case 'serial':
      return serialTransport({ path: link.path, baudRate: link.baudRate });
    case 'usb':
      return usbTransport({ vendorId: link.vendorId, productId: link.productId });
  }
}
