import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../printer/printer-profile';
import { devicesToAllow, udevRules } from './udev-rules';

const printer = (id: string, link: { kind: 'usb'; vendorId: number; productId: number } | { kind: 'network'; host: string; port: number }) => ({ id, name: id, link, profile: defaultProfile(80) });

describe('udevRules', () => {
  it('gives plugdev the USB printers and wedge devices named in bridge.json, and nothing else', () => {
    const devices = devicesToAllow({
      printers: [printer('receipt', { kind: 'usb', vendorId: 0x0416, productId: 0x5011 }), printer('kitchen', { kind: 'network', host: '10.0.0.9', port: 9100 })],
      wedgeDevices: [{ vendorId: 0x0c2e, productId: 0x0b61, role: 'scanner' }, { vendorId: 0x0801, productId: 0x0002, role: 'card_reader' }],
    });
    expect(udevRules(devices).split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'SUBSYSTEM=="usb", ATTR{idVendor}=="0416", ATTR{idProduct}=="5011", MODE="0660", GROUP="plugdev"',
      'SUBSYSTEM=="hidraw", ATTRS{idVendor}=="0c2e", ATTRS{idProduct}=="0b61", MODE="0660", GROUP="plugdev"',
      'SUBSYSTEM=="hidraw", ATTRS{idVendor}=="0801", ATTRS{idProduct}=="0002", MODE="0660", GROUP="plugdev"',
      '',
    ]);
    expect(udevRules(devices)).toContain('# card reader\n');
  });
});
