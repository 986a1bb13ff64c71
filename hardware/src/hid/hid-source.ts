/** The little of node-hid the bridge uses, so a simulator can stand in for it. */
export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
  usagePage: number | null;
  usage: number | null;
}

export interface HidConnection {
  onReport(listener: (report: Uint8Array) => void): void;
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface HidSource {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}

export const KEYBOARD_USAGE_PAGE = 0x01;
export const KEYBOARD_USAGE = 0x06;
