import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '@pos/shared/bridge/index';
import { describeDevices } from './describe-devices';

const device = (id: string, kind: DeviceInfo['kind'], status: Partial<DeviceInfo['status']> = {}, queued = 0): DeviceInfo => ({
  id, kind, name: id, transport: 'simulated', queued,
  status: { connected: true, paperOut: null, coverOpen: null, error: null, ...status },
});

describe('describeDevices', () => {
  it('lists printers first, then scanners and card readers', () => {
    const kinds = describeDevices([device('reader', 'card_reader'), device('scan', 'scanner'), device('receipt', 'printer')]).map((d) => d.kind);
    expect(kinds).toEqual(['printer', 'scanner', 'card_reader']);
  });

  it('names paper out and an open cover, and keeps the queue length', () => {
    expect(describeDevices([device('receipt', 'printer', { paperOut: true, coverOpen: true }, 3)])[0]).toMatchObject({ problems: ['paperOut', 'coverOpen'], queued: 3 });
  });

  it('says only that a device is disconnected when it is, whatever it last reported', () => {
    expect(describeDevices([device('receipt', 'printer', { connected: false, paperOut: true })])[0]!.problems).toEqual(['disconnected']);
  });

  it('has no problems for a device the bridge cannot ask', () => {
    expect(describeDevices([device('scan', 'scanner')])[0]!.problems).toEqual([]);
  });
});
