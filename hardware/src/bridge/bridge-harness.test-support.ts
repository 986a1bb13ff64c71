import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX, type BridgeMessage } from '@pos/shared/bridge/index';
import { defaultProfile } from '../printer/printer-profile';
import { networkTransport } from '../printer/transports/network-transport';
import { SIM_CARD_READER, SIM_SCANNER, SIM_WEDGE_DEVICES, SimulatedHid } from '../sim/simulated-hid';
import { SimulatedNetworkPrinter } from '../sim/simulated-network-printer';
import { startBridge } from './bridge-app';
import { DEFAULT_CONFIG } from './bridge-config';
import type { PairingLimits } from './pairing-code';

export const TILL_ORIGIN = 'http://localhost:5173';

interface TestBridgeOptions {
  printerOn?: boolean;
  allowedOrigins?: string[];
  now?: () => number;
  pairingLimits?: PairingLimits;
  /** A state folder to reuse (a restart); it is then left in place on close. */
  stateDir?: string;
  /** A simulated printer the caller switches on and off and keeps across restarts. */
  printer?: SimulatedNetworkPrinter;
}

/** A real bridge on an ephemeral loopback port, with a simulated raw-9100 printer and HID devices. */
export async function startTestBridge(options: TestBridgeOptions = {}) {
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'pos-bridge-test-')));
  const printer = options.printer ?? new SimulatedNetworkPrinter();
  if (!options.printer) {
    await printer.switchOn();
    if (options.printerOn === false) await printer.switchOff();
  }
  const hid = new SimulatedHid();
  hid.plug(SIM_SCANNER);
  hid.plug(SIM_CARD_READER);
  const codes: string[] = [];
  const logs: string[] = [];
  const config = { ...DEFAULT_CONFIG, port: 0, stateDir, allowedOrigins: options.allowedOrigins ?? [TILL_ORIGIN], wedgeDevices: SIM_WEDGE_DEVICES, statusPollMs: 60_000 };
  const bridge = await startBridge(config, {
    hid,
    grabber: null,
    printers: [{ id: 'receipt', name: 'test printer', profile: defaultProfile(80), transport: networkTransport({ host: '127.0.0.1', port: printer.port }) }],
    log: (line) => logs.push(line),
    announcePairingCode: (code) => codes.push(code),
    now: options.now,
    pairingLimits: options.pairingLimits,
    retryMs: 40,
  });
  return {
    bridge, printer, hid, logs, stateDir,
    url: `ws://127.0.0.1:${bridge.port}`,
    pairingCode: () => codes[codes.length - 1]!,
    async close() {
      await bridge.close();
      if (!options.printer) await printer.switchOff();
      if (!options.stateDir) await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** A WebSocket client that collects every message, as a till would hold it. */
export async function connectTill(url: string, options: { origin?: string; host?: string; token?: string } = {}) {
  const protocols = [BRIDGE_PROTOCOL, ...(options.token ? [`${BRIDGE_TOKEN_PREFIX}${options.token}`] : [])];
  const headers = options.host ? { Host: options.host } : undefined;
  const ws = new WebSocket(url, protocols, { origin: options.origin ?? TILL_ORIGIN, headers });
  const messages: BridgeMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as BridgeMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
  let next = 0;
  const waitFor = <T extends BridgeMessage>(match: (m: BridgeMessage) => m is T, timeoutMs = 3000): Promise<T> => {
    const found = messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.off('message', onMessage);
        reject(new Error('timed out waiting for a message'));
      }, timeoutMs);
      const onMessage = () => {
        const last = messages[messages.length - 1];
        if (last === undefined || !match(last)) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(last);
      };
      ws.on('message', onMessage);
    });
  };
  return {
    ws, messages, waitFor,
    async request(body: Record<string, unknown>) {
      const id = `r${++next}`;
      ws.send(JSON.stringify({ id, ...body }));
      return waitFor((m): m is Extract<BridgeMessage, { type: 'result' | 'error' }> => (m.type === 'result' || m.type === 'error') && m.id === id);
    },
    closed: () => new Promise<number>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve(1006) : ws.once('close', (code) => resolve(code)))),
  };
}

export async function pairedTill(harness: Awaited<ReturnType<typeof startTestBridge>>) {
  const first = await connectTill(harness.url);
  const answer = await first.request({ type: 'pair', code: harness.pairingCode(), tillName: 'Till 1' });
  if (answer.type !== 'result') throw new Error('pairing failed');
  first.ws.close();
  const { token } = answer.result as { token: string };
  return { token, till: await connectTill(harness.url, { token }) };
}
