/** One link to one printer. Each `write` is one whole job. */
export interface PrinterTransport {
  readonly kind: 'network' | 'serial' | 'usb' | 'simulated';
  readonly description: string;
  write(bytes: Uint8Array): Promise<void>;
  status(): Promise<LinkStatus>;
  close(): Promise<void>;
}

export interface LinkStatus {
  connected: boolean;
  paperOut: boolean | null;
  coverOpen: boolean | null;
}

/**
 * A job that could not be written. `started` says whether any byte may have reached the
 * printer: a job that never started is safe to send again, one that did is not.
 */
export class TransportError extends Error {
  constructor(message: string, readonly started: boolean) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Answers to `DLE EOT 2` (offline cause) and `DLE EOT 4` (paper sensor). */
export function parseStatusBytes(offlineCause: number | undefined, paperSensor: number | undefined): LinkStatus {
  return {
    connected: true,
    coverOpen: offlineCause === undefined ? null : (offlineCause & 0x04) !== 0,
    paperOut: paperSensor === undefined ? null : (paperSensor & 0x60) === 0x60,
  };
}

export const OFFLINE: LinkStatus = { connected: false, paperOut: null, coverOpen: null };
