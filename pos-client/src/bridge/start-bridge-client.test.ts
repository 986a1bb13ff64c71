import { describe, expect, it } from 'vitest';
import { DEFAULT_BRIDGE_URL, resolveBridgeUrl } from './start-bridge-client';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
};

describe('resolveBridgeUrl', () => {
  it('uses the default port on this PC when nothing is asked', () => {
    expect(resolveBridgeUrl('', memoryStorage())).toBe(DEFAULT_BRIDGE_URL);
  });

  it('keeps an address given in the query for later visits, until told to forget it', () => {
    const storage = memoryStorage();
    expect(resolveBridgeUrl('?bridge=ws://127.0.0.1:40123', storage)).toBe('ws://127.0.0.1:40123');
    expect(resolveBridgeUrl('', storage)).toBe('ws://127.0.0.1:40123');
    expect(resolveBridgeUrl('?bridge=default', storage)).toBe(DEFAULT_BRIDGE_URL);
  });

  it('never sends the token off this PC', () => {
    const storage = memoryStorage();
    for (const address of ['ws://192.168.1.20:9111', 'wss://evil.example:9111', 'ws://127.0.0.1:9111/x', 'not a url']) {
      expect(resolveBridgeUrl(`?bridge=${encodeURIComponent(address)}`, storage)).toBe(DEFAULT_BRIDGE_URL);
    }
  });
});
