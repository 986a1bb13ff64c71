import type { WebSocket } from 'ws';
import { BridgeRequest, type BridgeError, type BridgeEvent, type BridgeMessage } from '@pos/shared/bridge/index';
import { handleRequest, type HandlerDeps } from './request-handlers';

/** Close code for a connection that asked for something before pairing. */
export const CLOSE_UNAUTHENTICATED = 4401;

/** One till's connection: parses each message, answers by id, forwards events once paired. */
export function startTillConnection(socket: WebSocket, pairedTill: string | null, deps: HandlerDeps, subscribe: (listener: (event: BridgeEvent) => void) => () => void) {
  let tillId = pairedTill;
  const send = (message: BridgeMessage) => socket.send(JSON.stringify(message));
  const sendError = (id: string | null, error: BridgeError) => send({ type: 'error', id, error });
  const unsubscribe = subscribe((event) => {
    if (tillId !== null) send({ type: 'event', event });
  });
  socket.on('close', unsubscribe);
  socket.on('message', async (data, isBinary) => {
    const raw = isBinary ? undefined : parseJson(data.toString());
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id.slice(0, 64) : null;
    const parsed = BridgeRequest.safeParse(raw);
    if (!parsed.success) return sendError(id, { code: 'BAD_MESSAGE', message: 'not a valid bridge request', details: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
    const outcome = await handleRequest(parsed.data, tillId, deps).catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : 'internal error' },
    }));
    if (!outcome.ok) {
      sendError(parsed.data.id, outcome.error);
      if (outcome.error.code === 'UNAUTHENTICATED') socket.close(CLOSE_UNAUTHENTICATED, 'not paired');
      return;
    }
    if (outcome.tillId) tillId = outcome.tillId;
    send({ type: 'result', id: parsed.data.id, result: outcome.result });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
