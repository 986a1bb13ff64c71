import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CLOSE, BRIDGE_PROTOCOL } from '@pos/shared/bridge/index';
import { backoffDelay } from './bridge-backoff';
import { BridgeClient } from './bridge-client';
import { renderReceiptHtml } from './receipt-html';

class FakeSocket {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: ((c: { code: number }) => void) | null = null;
  constructor(readonly protocols: string[]) {}
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
    this.onclose?.({ code: 1000 });
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  reply(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
};

describe('bridge client', () => {
  let sockets: FakeSocket[];
  let client: BridgeClient;
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    storage = memoryStorage();
    client = new BridgeClient({ url: 'ws://127.0.0.1:9111', storage, random: () => 1, createSocket: (_u, p) => (sockets.push(new FakeSocket(p)), sockets.at(-1) as unknown as WebSocket) });
  });
  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('pairs with the code, keeps the token and presents it on the next connection', async () => {
    client.start();
    sockets[0]!.open();
    expect(client.state).toBe('unpaired');
    const pairing = client.pair('123456', 'Till 1');
    const sent = sockets[0]!.sent[0]!;
    expect(sent).toMatchObject({ type: 'pair', code: '123456' });
    sockets[0]!.reply({ type: 'result', id: sent.id, result: { token: 't'.repeat(43), tillId: 'abc' } });
    expect(await pairing).toEqual({ ok: true, result: { token: 't'.repeat(43), tillId: 'abc' } });
    expect(client.state).toBe('ready');
    sockets[0]!.close();
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets[1]!.protocols).toEqual([BRIDGE_PROTOCOL, `token.${'t'.repeat(43)}`]);
  });

  it('reconnects with growing delays while the bridge is down', async () => {
    client.start();
    for (const expected of [500, 1000, 2000]) {
      const before = sockets.length;
      sockets.at(-1)!.onclose?.({ code: 1006 });
      await vi.advanceTimersByTimeAsync(expected - 1);
      expect(sockets.length).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(sockets.length).toBe(before + 1);
    }
  });

  it('keeps its token through a bridge outage and presents it when the bridge is back', async () => {
    const token = 't'.repeat(43);
    storage.setItem('pos.bridge.token', token);
    client.start();
    for (let failed = 0; failed < 2; failed++) {
      sockets.at(-1)!.onclose?.({ code: 1006 });
      await vi.advanceTimersByTimeAsync(30_000);
    }
    const back = sockets.at(-1)!;
    expect(back.protocols).toEqual([BRIDGE_PROTOCOL, `token.${token}`]);
    back.open();
    expect(client.state).toBe('ready');
    expect(storage.getItem('pos.bridge.token')).toBe(token);
  });

  it('forgets its token only when the bridge says the token is unknown', async () => {
    storage.setItem('pos.bridge.token', 't'.repeat(43));
    client.start();
    sockets[0]!.onclose?.({ code: 1006 });
    expect(storage.getItem('pos.bridge.token')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(30_000);
    sockets[1]!.open();
    sockets[1]!.onclose?.({ code: BRIDGE_CLOSE.unknownToken });
    expect(storage.getItem('pos.bridge.token')).toBeNull();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sockets[2]!.protocols).toEqual([BRIDGE_PROTOCOL]);
    sockets[2]!.open();
    expect(client.state).toBe('unpaired');
  });

  it('answers BRIDGE_OFFLINE at once when no bridge is connected', async () => {
    expect(await client.request({ type: 'devices.list' })).toMatchObject({ ok: false, code: 'BRIDGE_OFFLINE' });
  });

  it('tells a request lost with its connection from one never sent', async () => {
    client.start();
    sockets[0]!.open();
    const printing = client.request({ type: 'devices.list' });
    sockets[0]!.close();
    expect(await printing).toMatchObject({ ok: false, code: 'CONNECTION_LOST' });
    expect(await client.request({ type: 'devices.list' })).toMatchObject({ ok: false, code: 'BRIDGE_OFFLINE' });
  });

  it('keeps device status from events', () => {
    client.start();
    sockets[0]!.open();
    const device = { id: 'receipt', kind: 'printer', name: 'P', transport: 'network', status: { connected: true, paperOut: true, coverOpen: false, error: null }, queued: 2 };
    sockets[0]!.reply({ type: 'event', event: { kind: 'device.status', device } });
    expect(client.getSnapshot().devices).toEqual([device]);
  });
});

describe('back-off and browser receipt', () => {
  it('doubles up to thirty seconds', () => {
    expect([0, 1, 2, 10].map((a) => backoffDelay(a, () => 1))).toEqual([500, 1000, 2000, 30_000]);
  });

  it('renders a receipt as escaped, column-aligned HTML', () => {
    const html = renderReceiptHtml({ documentId: 's1', currencyExponent: 2, blocks: [{ kind: 'pair', left: '合计 <TOTAL>', right: '12.00' }] }, 20);
    expect(html).toContain('合计 &#60;TOTAL&#62;   12.00');
  });
});
