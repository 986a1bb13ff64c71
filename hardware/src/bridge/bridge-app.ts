import { join } from 'node:path';
import type { GlyphSource } from '../printer/raster-receipt';
import { transportFor } from '../printer/transports/transport-for';
import type { InputGrabber } from '../hid/evdev-grab';
import { createHidWatcher } from '../hid/hid-watcher';
import type { HidSource } from '../hid/hid-source';
import { fileAuditLog } from './audit-log';
import type { BridgeConfig } from './bridge-config';
import { startBridgeServer } from './bridge-server';
import { DeviceRegistry } from './device-registry';
import type { PairingLimits } from './pairing-code';
import { openPairingStore } from './pairing-store';
import { createPrinterService, type ManagedPrinter } from './printer-service';
import { createRateLimiter } from './rate-limiter';

export interface BridgeEnvironment {
  hid: HidSource | null;
  grabber: InputGrabber | null;
  glyphs?: GlyphSource;
  /** Replaces the configured links, e.g. with simulated printers. */
  printers?: readonly ManagedPrinter[];
  log(line: string): void;
  /** Shows the code a till pairs with, and until when it works. */
  announcePairingCode(code: string, validUntil: Date): void;
  /** The clock pairing limits are counted on (tests move it). */
  now?: () => number;
  pairingLimits?: PairingLimits;
  retryMs?: number;
  hidPollMs?: number;
}

/** Everything the bridge runs, wired together; `close` stops it all. */
export async function startBridge(config: BridgeConfig, env: BridgeEnvironment) {
  const registry = new DeviceRegistry();
  const audit = fileAuditLog(join(config.stateDir, 'audit.log'), env.log);
  const pairing = await openPairingStore(join(config.stateDir, 'pairings.json'), { announce: env.announcePairingCode, log: env.log, now: env.now, limits: env.pairingLimits });
  const managed = env.printers ?? config.printers.map((p) => ({ id: p.id, name: p.name, profile: p.profile, transport: transportFor(p.link) }));
  const printers = await createPrinterService(managed, { registry, audit, stateDir: config.stateDir, log: env.log, glyphs: env.glyphs, retryMs: env.retryMs });
  const deps = { pairing, printers, registry, audit, drawerLimiter: createRateLimiter(config.drawer) };
  const server = await startBridgeServer({ port: config.port, allowedOrigins: config.allowedOrigins, deps, log: env.log });
  const watcher = env.hid ? createHidWatcher({ source: env.hid, registry, wedgeDevices: config.wedgeDevices, grabber: env.grabber, log: env.log }) : null;
  const scanHid = () => watcher?.scan().catch((error: unknown) => env.log(`HID scan failed: ${String(error)}`));
  await Promise.all([scanHid(), printers.refreshAll()]);
  const timers = [setInterval(scanHid, env.hidPollMs ?? 2000), setInterval(() => void printers.refreshAll(), config.statusPollMs)];
  return {
    port: server.port,
    registry,
    printers,
    audit,
    scanHid,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await watcher?.close();
      await server.close();
      await printers.stop();
      await audit.close();
    },
  };
}
export type RunningBridge = Awaited<ReturnType<typeof startBridge>>;
