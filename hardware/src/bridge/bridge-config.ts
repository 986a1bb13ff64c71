import { z } from 'zod';
import { BRIDGE_DEFAULT_PORT } from '@pos/shared/bridge/index';
import { PrinterProfile } from '../printer/printer-profile';

const PrinterLink = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('network'), host: z.string().min(1), port: z.number().int().min(1).max(65535) }),
  z.object({ kind: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive() }),
  z.object({ kind: z.literal('usb'), vendorId: z.number().int(), productId: z.number().int() }),
]);
export type PrinterLink = z.infer<typeof PrinterLink>;

export const PrinterConfig = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().min(1).max(120),
  link: PrinterLink,
  profile: PrinterProfile,
});
export type PrinterConfig = z.infer<typeof PrinterConfig>;

/** Keyboard-wedge devices look like keyboards, so the bridge only takes the ones named here. */
export const WedgeDevice = z.object({ vendorId: z.number().int(), productId: z.number().int(), role: z.enum(['scanner', 'card_reader']) });
export type WedgeDevice = z.infer<typeof WedgeDevice>;

export const BridgeConfig = z.object({
  /** 0 takes any free port (tests); the console line "listening on ws://127.0.0.1:<port>" names it. */
  port: z.number().int().min(0).max(65535),
  allowedOrigins: z.array(z.url()).min(1),
  stateDir: z.string().min(1),
  printers: z.array(PrinterConfig),
  wedgeDevices: z.array(WedgeDevice),
  drawer: z.object({ minIntervalMs: z.number().int().min(0), maxPerMinute: z.number().int().min(1) }),
  /** A GNU Unifont `.hex` file, for raster profiles. */
  rasterFontPath: z.string().nullable(),
  statusPollMs: z.number().int().min(100),
});
export type BridgeConfig = z.infer<typeof BridgeConfig>;

export const DEFAULT_CONFIG: Omit<BridgeConfig, 'stateDir'> = {
  port: BRIDGE_DEFAULT_PORT,
  // HQ serves the till on 8080 by default; 5173 and 4173 are Vite's dev and preview servers.
  allowedOrigins: ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://localhost:8787'],
  printers: [],
  wedgeDevices: [],
  drawer: { minIntervalMs: 2000, maxPerMinute: 10 },
  rasterFontPath: null,
  statusPollMs: 3000,
};
