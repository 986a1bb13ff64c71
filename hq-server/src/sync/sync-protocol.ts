import { OLDEST_SYNC_PROTOCOL, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, SyncProtocolHeaderValue } from '@pos/shared';
import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/errors';

/** The sync routes' header naming the till's protocol; absent on a till from before version 2. */
export const SyncProtocolHeaders = z.object({
  [SYNC_PROTOCOL_HEADER]: SyncProtocolHeaderValue.optional().openapi({
    description: `The sync protocol the till speaks (this HQ speaks ${SYNC_PROTOCOL_VERSION} and takes ${OLDEST_SYNC_PROTOCOL}–${SYNC_PROTOCOL_VERSION}); a till from before version 2 sends none and counts as 1.`,
  }),
});

/**
 * The till's protocol version from its header, when HQ still speaks it. A till on a version HQ
 * no longer takes, or newer than HQ (HQ rolled back under updated tills), gets 426
 * `SYNC_PROTOCOL_UNSUPPORTED` before anything is written: its documents wait on the till.
 */
export function acceptSyncProtocol(header: string | undefined): number {
  const protocol = header === undefined ? 1 : Number(header);
  if (protocol >= OLDEST_SYNC_PROTOCOL && protocol <= SYNC_PROTOCOL_VERSION) return protocol;
  const fix = protocol > SYNC_PROTOCOL_VERSION ? 'upgrade HQ to the tills’ release, or roll the tills back with it' : 'update the till';
  throw new AppError('SYNC_PROTOCOL_UNSUPPORTED', `this HQ takes sync protocol ${OLDEST_SYNC_PROTOCOL}–${SYNC_PROTOCOL_VERSION} and the till speaks ${protocol}: ${fix}; its documents wait on the till`, {
    protocol,
    oldest: OLDEST_SYNC_PROTOCOL,
    newest: SYNC_PROTOCOL_VERSION,
  });
}

/** Every sync answer, refusals included, names the protocol HQ speaks. */
export const nameSyncProtocol = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header(SYNC_PROTOCOL_HEADER, String(SYNC_PROTOCOL_VERSION));
});
