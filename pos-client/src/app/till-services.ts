import type { BridgeClient } from '../bridge/bridge-client';
import { startBridgeClient } from '../bridge/start-bridge-client';
import { TillDb } from '../db/till-db';
import { createHqClient, type HqClient } from '../hq/hq-client';
import { createSyncWorker, type SyncWorker } from '../sync/sync-worker';

/** Everything the till's features need from the outside world, made once at start-up and passed down. */
export interface TillServices {
  db: TillDb;
  hq: HqClient;
  sync: SyncWorker;
  bridge: BridgeClient;
  now: () => Date;
  random: () => number;
  randomBytes: (length: number) => Uint8Array;
}

export function createTillServices(): TillServices {
  const db = new TillDb();
  const hq = createHqClient();
  const now = () => new Date();
  const random = () => Math.random();
  const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
  return { db, hq, now, random, randomBytes, sync: createSyncWorker({ db, hq, now, random }), bridge: startBridgeClient(location.search, localStorage) };
}
