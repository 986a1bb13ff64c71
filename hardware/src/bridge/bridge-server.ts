import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BRIDGE_PROTOCOL, type BridgeEvent } from '@pos/shared/bridge/index';
import { startTillConnection } from './till-connection';
import type { HandlerDeps } from './request-handlers';
import { checkUpgrade } from './upgrade-guard';

export interface BridgeServerOptions {
  port: number;
  allowedOrigins: readonly string[];
  deps: HandlerDeps;
}

/** The WebSocket endpoint on 127.0.0.1. Plain HTTP requests get 404: nothing else is served. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, handleProtocols: () => BRIDGE_PROTOCOL });
  const http = createServer((_request, response) => response.writeHead(404).end());
  let port = options.port;
  const subscribe = (listener: (event: BridgeEvent) => void) => {
    options.deps.registry.on('event', listener);
    return () => void options.deps.registry.off('event', listener);
  };
  http.on('upgrade', (request, socket, head) => {
    const verdict = checkUpgrade(request, { port, allowedOrigins: options.allowedOrigins, verifyToken: options.deps.pairing.verify });
    if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
    wss.handleUpgrade(request, socket, head, (ws) => startTillConnection(ws, verdict.tillId, options.deps, subscribe));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', resolve);
  });
  const address = http.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    server: http,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}
