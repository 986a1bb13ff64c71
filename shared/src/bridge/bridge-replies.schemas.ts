import { z } from 'zod';
import { CardSwipe, DeviceInfo, JobStatus } from './bridge-devices.schemas';

export const BridgeErrorCode = z.enum([
  'BAD_MESSAGE',
  'UNAUTHENTICATED',
  'PAIRING_CODE_INVALID',
  'PAIRING_CODE_EXPIRED',
  'PAIRING_LOCKED',
  'NO_PRINTER',
  'UNKNOWN_PRINTER',
  'UNKNOWN_JOB',
  'PRINTER_OFFLINE',
  'RATE_LIMITED',
  'INTERNAL',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCode>;

export const BridgeError = z.object({ code: BridgeErrorCode, message: z.string(), details: z.unknown().optional() });
export type BridgeError = z.infer<typeof BridgeError>;

export const PairResult = z.object({ token: z.string().min(32), tillId: z.string() });
export const DevicesResult = z.object({ devices: z.array(DeviceInfo) });
export const DrawerResult = z.object({ printerId: z.string() });
export type PairResult = z.infer<typeof PairResult>;
export type DevicesResult = z.infer<typeof DevicesResult>;

/** What each request answers with when it succeeds. */
export const BridgeResults = {
  pair: PairResult,
  'devices.list': DevicesResult,
  'print.receipt': JobStatus,
  'print.document': JobStatus,
  'drawer.open': DrawerResult,
  'job.get': JobStatus,
} as const;
export type BridgeResultOf<T extends keyof typeof BridgeResults> = z.infer<(typeof BridgeResults)[T]>;

export const BridgeEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scan'), deviceId: z.string(), data: z.string().min(1).max(256), symbology: z.string().max(8).nullable() }),
  z.object({ kind: z.literal('card.swiped'), deviceId: z.string(), card: CardSwipe }),
  z.object({ kind: z.literal('card.misread'), deviceId: z.string() }),
  z.object({ kind: z.literal('device.attached'), device: DeviceInfo }),
  z.object({ kind: z.literal('device.detached'), deviceId: z.string() }),
  z.object({ kind: z.literal('device.status'), device: DeviceInfo }),
  z.object({ kind: z.literal('job.state'), job: JobStatus }),
]);
export type BridgeEvent = z.infer<typeof BridgeEvent>;

/** Everything the bridge sends: answers by request id, or events. */
export const BridgeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.string(), result: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.string().nullable(), error: BridgeError }),
  z.object({ type: z.literal('event'), event: BridgeEvent }),
]);
export type BridgeMessage = z.infer<typeof BridgeMessage>;

/** The WebSocket subprotocol; a paired till adds `token.<token>` after it. */
export const BRIDGE_PROTOCOL = 'pos-bridge.v1';
export const BRIDGE_TOKEN_PREFIX = 'token.';
export const BRIDGE_DEFAULT_PORT = 9111;

/**
 * Close codes the bridge sends. A till forgets its pairing token on `unknownToken` alone: a
 * bridge that is down or restarting never says it, so an outage never unpairs a till.
 */
export const BRIDGE_CLOSE = { unpaired: 4401, unknownToken: 4403, tooManyCodes: 4429 } as const;
