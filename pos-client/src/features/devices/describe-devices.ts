import type { DeviceInfo, DeviceKind } from '@pos/shared/bridge/index';

export type DeviceProblem = 'disconnected' | 'paperOut' | 'coverOpen';

/** One device as the status bar shows it: what it is, what is wrong with it, what waits for it. */
export interface DeviceBadge {
  id: string;
  kind: DeviceKind;
  name: string;
  problems: DeviceProblem[];
  queued: number;
}

const kindOrder: Record<DeviceKind, number> = { printer: 0, scanner: 1, card_reader: 2 };

/** Printers first, then scanners and card readers; within a kind, as the bridge named them. */
export function describeDevices(devices: readonly DeviceInfo[]): DeviceBadge[] {
  return [...devices]
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name))
    .map((device) => ({ id: device.id, kind: device.kind, name: device.name, problems: problemsOf(device), queued: device.queued }));
}

function problemsOf({ status }: DeviceInfo): DeviceProblem[] {
  if (!status.connected) return ['disconnected'];
  return [...(status.paperOut === true ? (['paperOut'] as const) : []), ...(status.coverOpen === true ? (['coverOpen'] as const) : [])];
}
