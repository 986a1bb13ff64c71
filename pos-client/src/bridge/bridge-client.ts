import {
  BRIDGE_CLOSE, BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX, BridgeMessage, BridgeResults,
  type BridgeErrorCode, type BridgeEvent, type BridgeRequest, type BridgeResultOf, type DeviceInfo,
} from '@pos/shared/bridge/index';
import { backoffDelay } from './bridge-backoff';

export type BridgeState = 'connecting' | 'unpaired' | 'ready' | 'offline';
/** `BRIDGE_OFFLINE`: nothing was sent. `CONNECTION_LOST`: sent, but the link dropped before the answer, so it may have been done. */
export type BridgeClientErrorCode = BridgeErrorCode | 'BRIDGE_OFFLINE' | 'CONNECTION_LOST' | 'TIMEOUT';
export type BridgeOutcome<T> = { ok: true; result: T } | { ok: false; code: BridgeClientErrorCode; message: string };
type RequestBody = BridgeRequest extends infer R ? (R extends BridgeRequest ? Omit<R, 'id'> : never) : never;

export interface BridgeSnapshot {
  state: BridgeState;
  devices: DeviceInfo[];
}

export interface BridgeClientOptions {
  url: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  random?: () => number;
  requestTimeoutMs?: number;
}

const TOKEN_KEY = 'pos.bridge.token';
const OPEN = 1;

/** The till's link to its hardware bridge: pairs, reconnects with back-off, answers by request id. */
export class BridgeClient {
  state: BridgeState = 'offline';
  devices: DeviceInfo[] = [];
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private nextId = 0;
  private readonly pending = new Map<string, { type: BridgeRequest['type']; resolve: (o: BridgeOutcome<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  private snapshot: BridgeSnapshot = { state: 'offline', devices: [] };
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: BridgeEvent) => void>();

  constructor(private readonly options: BridgeClientOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.setState('offline');
  }

  /** For `useSyncExternalStore`: called whenever state or devices change. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** For `useSyncExternalStore`: the same object until something changes. */
  getSnapshot = (): BridgeSnapshot => this.snapshot;

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  }

  async pair(code: string, tillName: string): Promise<BridgeOutcome<BridgeResultOf<'pair'>>> {
    const outcome = await this.request({ type: 'pair', code, tillName });
    if (outcome.ok) {
      this.options.storage.setItem(TOKEN_KEY, outcome.result.token);
      this.setState('ready');
      void this.refreshDevices();
    }
    return outcome;
  }

  request<T extends RequestBody>(body: T): Promise<BridgeOutcome<BridgeResultOf<T['type']>>> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return Promise.resolve({ ok: false, code: 'BRIDGE_OFFLINE', message: 'no bridge connected' });
    const id = `q${++this.nextId}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, { ok: false, code: 'TIMEOUT', message: 'the bridge did not answer' }), this.options.requestTimeoutMs ?? 10_000);
      this.pending.set(id, { type: body.type, resolve: resolve as (o: BridgeOutcome<unknown>) => void, timer });
      socket.send(JSON.stringify({ ...body, id }));
    });
  }

  private connect(): void {
    const token = this.options.storage.getItem(TOKEN_KEY);
    const protocols = [BRIDGE_PROTOCOL, ...(token ? [`${BRIDGE_TOKEN_PREFIX}${token}`] : [])];
    const create = this.options.createSocket ?? ((url, p) => new WebSocket(url, p));
    this.setState('connecting');
    const socket = create(this.options.url, protocols);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.onOpen(token);
    };
    socket.onmessage = (message) => this.onMessage(String(message.data));
    socket.onclose = (close) => this.onClose(token, close.code);
  }

  private onOpen(token: string | null): void {
    this.setState(token ? 'ready' : 'unpaired');
    if (token) void this.refreshDevices();
  }

  /**
   * The token is kept through any failure to connect (a bridge restarting looks like one) and
   * forgotten only when the bridge closes with the code that says it does not know it.
   */
  private onClose(token: string | null, code: number): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, code: 'CONNECTION_LOST', message: 'connection closed' });
    if (this.stopped) return;
    if (code === BRIDGE_CLOSE.unknownToken && token !== null && this.options.storage.getItem(TOKEN_KEY) === token) this.options.storage.removeItem(TOKEN_KEY);
    this.setState('offline');
    this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt++, this.options.random ?? Math.random));
  }

  private onMessage(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = BridgeMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'event') return this.onBridgeEvent(message.event);
    if (message.id === null) return;
    if (message.type === 'error') return this.settle(message.id, { ok: false, code: message.error.code, message: message.error.message });
    const type = this.pending.get(message.id)?.type;
    const result = type ? BridgeResults[type].safeParse(message.result) : null;
    this.settle(message.id, result?.success ? { ok: true, result: result.data } : { ok: false, code: 'BAD_MESSAGE', message: 'unexpected answer' });
  }

  private onBridgeEvent(event: BridgeEvent): void {
    if (event.kind === 'device.attached' || event.kind === 'device.status') this.devices = [...this.devices.filter((d) => d.id !== event.device.id), event.device];
    if (event.kind === 'device.detached') this.devices = this.devices.filter((d) => d.id !== event.deviceId);
    if (event.kind.startsWith('device.')) this.notify();
    for (const listener of this.eventListeners) listener(event);
  }

  private settle(id: string, outcome: BridgeOutcome<unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(outcome);
  }

  private async refreshDevices(): Promise<void> {
    const outcome = await this.request({ type: 'devices.list' });
    if (outcome.ok) {
      this.devices = outcome.result.devices;
      this.notify();
    }
  }

  private setState(state: BridgeState): void {
    if (this.state === state) return;
    this.state = state;
    this.notify();
  }

  private notify(): void {
    this.snapshot = { state: this.state, devices: this.devices };
    for (const listener of this.listeners) listener();
  }
}
