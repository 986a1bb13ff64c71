import type { OutboxInstruction } from '@pos/shared';
import type { TillDb } from '../db/till-db';
import type { HqClient } from '../hq/hq-client';
import type { HqResult } from '../hq/hq-failure';
import { applyPullPage } from './apply-pull-page';
import { outboxInstructionUpdates } from './outbox-transitions';
import { writeUpdates } from './push-outbox';
import { readTillReport } from './till-report';
import { createQueuedLock } from './exclusive-lock';
import { loadSnapshot, type SnapshotProgress } from './load-snapshot';

export const pullPageSize = 1000;

/** What a pull did: pages and changes applied, and rejected documents a manager sent back to the outbox. */
export interface PullOutcome {
  pages: number;
  changes: number;
  resent: number;
}

export interface PullProgress {
  cursor: number;
  headSeq: number;
  /** 0 … 1; 1 when the till holds every change HQ had when the page was read. */
  fraction: number;
}

export interface PullDeps {
  db: TillDb;
  hq: HqClient;
  now: () => Date;
}

/** Carries out what a manager decided at HQ about documents this till holds as rejected; answers how many go out again. */
async function applyOutboxInstructions(db: TillDb, instructions: readonly OutboxInstruction[]): Promise<number> {
  if (!instructions.length) return 0;
  const entries = await db.outbox.bulkGet(instructions.map((i) => i.documentId));
  const updates = outboxInstructionUpdates(entries.filter((e) => e !== undefined), instructions);
  await writeUpdates(db, updates);
  return updates.filter((u) => u.state === 'pending').length;
}

export function pullFraction(startCursor: number, cursor: number, headSeq: number): number {
  if (headSeq <= startCursor) return 1;
  return Math.min(1, Math.max(0, (cursor - startCursor) / (headSeq - startCursor)));
}

/** The catalog is written by one load or pull at a time, in every tab. */
const catalogLock = createQueuedLock('pos-till-catalog');

/**
 * A till's first load: a snapshot of the catalog (going on with one begun), then the changes
 * since it. `onProgress` hears of the snapshot's batches; the first pull counts as done once a
 * sale's needs are in, while the rest goes on loading.
 */
export function loadCatalog(deps: PullDeps, onProgress: (progress: SnapshotProgress) => void = () => undefined): Promise<HqResult<PullOutcome>> {
  return catalogLock(async () => {
    const sync = await deps.db.getSyncMeta();
    if (!sync.initialPullDoneAt || (await deps.db.getMeta('snapshotLoad'))) {
      const loaded = await loadSnapshot(deps, onProgress);
      if (!loaded.ok) return loaded;
    }
    return pullUnlocked(deps);
  });
}

/**
 * Pulls page after page until HQ has no more, each page applied with its cursor in one
 * transaction. A snapshot left half-loaded is finished first; when HQ advises that the till is
 * too far behind, it loads a snapshot instead (selling goes on meanwhile) and pulls from there.
 */
export function pullChanges(deps: PullDeps, onProgress: (progress: PullProgress) => void = () => undefined): Promise<HqResult<PullOutcome>> {
  return catalogLock(async () => {
    if (await deps.db.getMeta('snapshotLoad')) {
      const loaded = await loadSnapshot(deps);
      if (!loaded.ok) return loaded;
    }
    return pullUnlocked(deps, onProgress);
  });
}

async function pullUnlocked(deps: PullDeps, onProgress: (progress: PullProgress) => void = () => undefined): Promise<HqResult<PullOutcome>> {
  const { db, hq, now } = deps;
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, failure: { kind: 'http', status: 401, code: 'UNAUTHENTICATED', message: 'this till is not paired', details: undefined } };
  let start = await db.getSyncMeta();
  let cursor = start.cursor;
  let pages = 0;
  let changes = 0;
  let resent = 0;
  let snapshotted = false;
  for (;;) {
    const result = await hq.pull(pairing.deviceToken, cursor, pullPageSize, await readTillReport(db));
    if (!result.ok) return result;
    const page = result.value;
    if (page.catchUp === 'snapshot' && !snapshotted) {
      snapshotted = true;
      const loaded = await loadSnapshot(deps);
      if (!loaded.ok) return loaded;
      start = await db.getSyncMeta();
      cursor = start.cursor;
      continue;
    }
    const meta = await applyPullPage(db, page, now().toISOString());
    resent += await applyOutboxInstructions(db, page.outbox ?? []);
    pages += 1;
    changes += page.changes.length;
    onProgress({ cursor: meta.cursor, headSeq: meta.headSeq, fraction: page.hasMore ? pullFraction(start.cursor, meta.cursor, meta.headSeq) : 1 });
    // A page that does not move the cursor would loop for ever; stop and try again later.
    if (!page.hasMore || page.cursor <= cursor) return { ok: true, value: { pages, changes, resent } };
    cursor = page.cursor;
  }
}
