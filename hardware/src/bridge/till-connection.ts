import type { RawData, WebSocket } from 'ws';
import { BRIDGE_CLOSE, BridgeRequest, type BridgeError, type BridgeEvent, type BridgeMessage } from '@pos/shared/bridge/index';
import { handleRequest, type HandlerDeps, type Outcome } from './request-handlers';

/** Wrong pairing codes one connection may send before it is closed. */
export const MAX_PAIR_TRIES_PER_CONNECTION = 3;

export interface TillConnectionOptions {
  pairedTill: string | null;
  deps: HandlerDeps;
  subscribe(listener: (event: BridgeEvent) => void): () => void;
  log(line: string): void;
}

/**
 * One till's connection: parses each message, answers by id, forwards events once paired. A
 * message that is not a valid request, or whose handler fails, gets an error answer; a broken
 * frame closes this connection (the `ws` library picks the close code) and nothing else.
 */
export function startTillConnection(socket: WebSocket, options: TillConnectionOptions): void {
  const { deps, log } = options;
  let tillId = options.pairedTill;
  let pairTries = 0;
  let pairFailures = 0;
  const send = (message: BridgeMessage) => socket.send(JSON.stringify(message));
  const sendError = (id: string | null, error: BridgeError) => send({ type: 'error', id, error });
  const unsubscribe = options.subscribe((event) => {
    if (tillId !== null) send({ type: 'event', event });
  });
  socket.on('close', unsubscribe);
  socket.on('error', (error) => log(`closed a till connection: ${error.message}`));

  async function answer(data: RawData, isBinary: boolean): Promise<void> {
    const raw = isBinary ? undefined : parseJson(data.toString());
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id.slice(0, 64) : null;
    const parsed = BridgeRequest.safeParse(raw);
    if (!parsed.success) return sendError(id, { code: 'BAD_MESSAGE', message: 'not a valid bridge request', details: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
    // Counted before the code is checked, so a burst sent at once gets no more tries than one sent slowly.
    if (parsed.data.type === 'pair' && ++pairTries > MAX_PAIR_TRIES_PER_CONNECTION) return sendError(parsed.data.id, { code: 'PAIRING_LOCKED', message: 'too many pairing tries on this connection' });
    const outcome = await handleRequest(parsed.data, tillId, deps).catch((error: unknown): Outcome => {
      log(`${parsed.data.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'the bridge could not do this; see its console' } };
    });
    if (!outcome.ok) {
      sendError(parsed.data.id, outcome.error);
      if (outcome.error.code === 'UNAUTHENTICATED') socket.close(BRIDGE_CLOSE.unpaired, 'not paired');
      if (parsed.data.type === 'pair' && ++pairFailures >= MAX_PAIR_TRIES_PER_CONNECTION) socket.close(BRIDGE_CLOSE.tooManyCodes, 'too many wrong codes');
      return;
    }
    if (outcome.tillId) tillId = outcome.tillId;
    send({ type: 'result', id: parsed.data.id, result: outcome.result });
  }

  socket.on('message', (data, isBinary) => {
    answer(data, isBinary).catch((error: unknown) => {
      log(`closed a till connection after an unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      socket.terminate();
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
