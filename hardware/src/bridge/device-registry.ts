import { EventEmitter } from 'node:events';
import type { BridgeEvent, DeviceInfo, DeviceStatus } from '@pos/shared/bridge/index';

/** Every device the bridge knows, and the events the tills see when one changes. */
export class DeviceRegistry extends EventEmitter<{ event: [BridgeEvent] }> {
  private readonly devices = new Map<string, DeviceInfo>();

  list(): DeviceInfo[] {
    return [...this.devices.values()];
  }

  get(id: string): DeviceInfo | undefined {
    return this.devices.get(id);
  }

  attach(device: DeviceInfo): void {
    this.devices.set(device.id, device);
    this.emit('event', { kind: 'device.attached', device });
  }

  detach(id: string): void {
    if (this.devices.delete(id)) this.emit('event', { kind: 'device.detached', deviceId: id });
  }

  update(id: string, change: { status?: DeviceStatus; queued?: number }): void {
    const device = this.devices.get(id);
    if (!device) return;
    const next = { ...device, ...change };
    if (JSON.stringify(next) === JSON.stringify(device)) return;
    this.devices.set(id, next);
    this.emit('event', { kind: 'device.status', device: next });
  }

  publish(event: BridgeEvent): void {
    this.emit('event', event);
  }
}
