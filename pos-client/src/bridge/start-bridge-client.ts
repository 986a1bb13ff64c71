import { BRIDGE_DEFAULT_PORT } from '@pos/shared/bridge/index';
import { BridgeClient } from './bridge-client';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const URL_KEY = 'pos.bridge.url';
export const DEFAULT_BRIDGE_URL = `ws://127.0.0.1:${BRIDGE_DEFAULT_PORT}`;

/** The till hands its pairing token to this address, so only a bridge on this PC is accepted. */
function isLoopbackBridgeUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'ws:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') && url.pathname === '/' && url.search === '';
  } catch {
    return false;
  }
}

/**
 * The bridge address: `?bridge=ws://127.0.0.1:<port>` is kept for later visits (a bridge on
 * another port, or a test's), `?bridge=default` forgets it.
 */
export function resolveBridgeUrl(search: string, storage: Storage): string {
  const asked = new URLSearchParams(search).get('bridge');
  if (asked === 'default') storage.removeItem(URL_KEY);
  else if (asked !== null && isLoopbackBridgeUrl(asked)) storage.setItem(URL_KEY, asked);
  const kept = storage.getItem(URL_KEY);
  return kept !== null && isLoopbackBridgeUrl(kept) ? kept : DEFAULT_BRIDGE_URL;
}

/** The page's one bridge client, connecting (and reconnecting) from start-up. */
export function startBridgeClient(search: string, storage: Storage): BridgeClient {
  const client = new BridgeClient({ url: resolveBridgeUrl(search, storage), storage });
  client.start();
  return client;
}
