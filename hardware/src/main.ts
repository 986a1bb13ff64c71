import { readFile } from 'node:fs/promises';
import { startBridge, type BridgeEnvironment } from './bridge/bridge-app';
import type { BridgeConfig } from './bridge/bridge-config';
import { loadLaunchOptions } from './bridge/load-config';
import { evdevGrabber } from './hid/evdev-grab';
import { hidTroubleHint, loadNodeHidSource } from './hid/node-hid-source';
import { decodeEscPos } from './printer/decode-escpos';
import { parseHexFont } from './printer/hex-font';
import { defaultProfile } from './printer/printer-profile';
import { renderDecoded } from './printer/render-decoded';
import { networkTransport } from './printer/transports/network-transport';
import { startSimControl } from './sim/sim-control-server';
import { SIM_CARD_READER, SIM_SCANNER, SIM_WEDGE_DEVICES, SimulatedHid } from './sim/simulated-hid';
import { SimulatedNetworkPrinter } from './sim/simulated-network-printer';

const log = (line: string) => console.log(`[bridge] ${line}`);
const announcePairingCode = (code: string, validUntil: Date) => {
  const until = validUntil.toTimeString().slice(0, 5);
  console.log(`\n  ┌──────────────────────────┐\n  │  Pairing code: ${code}    │\n  │  valid until ${until}       │\n  └──────────────────────────┘\n`);
};

async function realEnvironment(config: BridgeConfig): Promise<BridgeEnvironment> {
  const hid = await loadNodeHidSource().catch((error: unknown) => (log(hidTroubleHint(error)), null));
  const glyphs = config.rasterFontPath ? parseHexFont(await readFile(config.rasterFontPath, 'utf8')) : undefined;
  return { hid, grabber: evdevGrabber(), glyphs, log, announcePairingCode };
}

async function simulatedEnvironment(config: BridgeConfig): Promise<{ env: BridgeEnvironment; start(): Promise<void> }> {
  const printer = new SimulatedNetworkPrinter();
  const port = await printer.switchOn();
  printer.on('job', (bytes) => {
    const lines = renderDecoded(decodeEscPos(bytes, { startsInChineseMode: true }));
    console.log(`\n[simulated printer 127.0.0.1:${port}] ${bytes.length} bytes\n${lines.map((l) => `  │ ${l}`).join('\n')}\n`);
  });
  const hid = new SimulatedHid();
  hid.plug(SIM_SCANNER);
  hid.plug(SIM_CARD_READER);
  config.wedgeDevices.push(...SIM_WEDGE_DEVICES);
  const printers = [{ id: 'receipt', name: `Simulated receipt printer (raw 9100 on 127.0.0.1:${port})`, profile: defaultProfile(80), transport: networkTransport({ host: '127.0.0.1', port }) }];
  log(`simulated printer listening on 127.0.0.1:${port}; scanner and card reader fed by "pnpm bridge scan|swipe"`);
  return { env: { hid, grabber: null, printers, log, announcePairingCode }, start: async () => void (await startSimControl(config.stateDir, hid, printer, log)) };
}

const { config, simulate } = await loadLaunchOptions(process.argv.slice(2));
const simulation = simulate ? await simulatedEnvironment(config) : null;
const bridge = await startBridge(config, simulation?.env ?? (await realEnvironment(config)));
await simulation?.start();
log(`listening on ws://127.0.0.1:${bridge.port} for origins ${config.allowedOrigins.join(', ')}; state in ${config.stateDir}`);
const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// The Windows service's wrapper (node-windows) asks with a message: Windows has no SIGTERM to send.
process.on('message', (message: unknown) => message === 'shutdown' && stop());
