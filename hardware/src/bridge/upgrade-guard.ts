import type { IncomingMessage } from 'node:http';
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX } from '@pos/shared/bridge/index';

/** `unknownToken`: the page is let in only to be told, by close code, that its token is unknown. */
export type UpgradeVerdict = { ok: true; tillId: string | null; unknownToken: boolean } | { ok: false; status: 400 | 403; reason: string };

export interface GuardOptions {
  port: number;
  allowedOrigins: readonly string[];
  verifyToken(token: string): string | null;
}

/**
 * Any web page can reach 127.0.0.1, so a connection is taken only when the Host is the
 * loopback name and port (defeats DNS rebinding), the Origin is one the store configured,
 * and a token, when sent, belongs to a paired till. A browser cannot read the status of a refused
 * handshake, so an unknown token is answered after the upgrade, with a close code the till acts on.
 */
export function checkUpgrade(request: IncomingMessage, options: GuardOptions): UpgradeVerdict {
  const hosts = [`127.0.0.1:${options.port}`, `localhost:${options.port}`];
  if (!hosts.includes(request.headers.host ?? '')) return { ok: false, status: 403, reason: 'host not allowed' };
  const origin = request.headers.origin;
  if (origin === undefined || !options.allowedOrigins.includes(origin)) return { ok: false, status: 403, reason: 'origin not allowed' };
  const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!protocols.includes(BRIDGE_PROTOCOL)) return { ok: false, status: 400, reason: `subprotocol ${BRIDGE_PROTOCOL} required` };
  const token = protocols.find((p) => p.startsWith(BRIDGE_TOKEN_PREFIX))?.slice(BRIDGE_TOKEN_PREFIX.length);
  if (token === undefined) return { ok: true, tillId: null, unknownToken: false };
  const tillId = options.verifyToken(token);
  return { ok: true, tillId, unknownToken: tillId === null };
}
