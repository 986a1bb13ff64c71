import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BRIDGE_CLOSE, BRIDGE_PROTOCOL, type BridgeEvent } from '@pos/shared/bridge/index';
import { startTillConnection } from './till-connection';
import type { HandlerDeps } from './request-handlers';
import { checkUpgrade } from './upgrade-guard';

/**
 * The largest message a till sends is a sale receipt: the schema's maximum of 500 lines, with the
 * longest names and two promotions on every line, is about 855 KiB of JSON. Anything larger is
 * refused with close code 1009 before it is buffered.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface BridgeServerOptions {
  port: number;
  allowedOrigins: readonly string[];
  deps: HandlerDeps;
  log(line: string): void;
}

/**
 * The WebSocket endpoint on 127.0.0.1. Plain HTTP requests get 404: nothing else is served.
 * Any page on an allowed origin can send it any bytes, so every socket, the WebSocket server and
 * the HTTP server have error listeners: a bad frame closes that one connection, never the bridge.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, handleProtocols: () => BRIDGE_PROTOCOL });
  const http = createServer((_request, response) => response.writeHead(404).end());
  let port = options.port;
  const subscribe = (listener: (event: BridgeEvent) => void) => {
    options.deps.registry.on('event', listener);
    return () => void options.deps.registry.off('event', listener);
  };
  wss.on('error', (error) => options.log(`WebSocket server error: ${error.message}`));
  http.on('clientError', (_error, socket) => refuse(socket, 400, 'bad request'));
  http.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkUpgrade(request, { port, allowedOrigins: options.allowedOrigins, verifyToken: options.deps.pairing.verify });
    if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!verdict.unknownToken) return startTillConnection(ws, { pairedTill: verdict.tillId, deps: options.deps, subscribe, log: options.log });
      ws.on('error', () => ws.terminate());
      ws.close(BRIDGE_CLOSE.unknownToken, 'unknown token: pair again');
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (error) => options.log(`bridge server error: ${error.message}`));
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
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}
