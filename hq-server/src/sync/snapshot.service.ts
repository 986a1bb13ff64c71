import { SNAPSHOT_ENTITIES, type SnapshotBatch, type SnapshotHead, type SnapshotQuery } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { DevicePrincipal } from '../http/app-env';
import { requireOpenStore } from '../org/store-open';
import { entityRows, syncEntities, type SyncEntity } from './sync-entities';

/** Rows per line of a snapshot, and per fetch from PostgreSQL's cursor. */
export const SNAPSHOT_BATCH_ROWS = 5000;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const rowsOf = <T>(tx: Tx, statement: ReturnType<typeof sql>) => query<T>(tx as unknown as Db, statement);

/** The entities a snapshot sends, from the beginning or from a resumed one on. */
function entitiesFrom(device: DevicePrincipal, from: SnapshotQuery['entity']): SyncEntity[] {
  const all = syncEntities(device);
  return all.slice(from ? SNAPSHOT_ENTITIES.indexOf(from) : 0);
}

/** The rows of an entity a snapshot carries: live ones, after the resumed key when there is one. */
const snapshotRows = (e: SyncEntity, device: DevicePrincipal, after: string | null) =>
  entityRows(e, device, ...(e.live ? [e.live] : []), ...(after === null ? [] : [sql`(${e.key})::text collate "C" > ${after}`]));

/** A `SnapshotBatch` line around rows that are JSON text already. */
function batchLine(entity: SnapshotBatch['entity'], rows: readonly string[], lastKey: string | null, end: boolean): string {
  return `{"entity":${JSON.stringify(entity)},"rows":[${rows.join(',')}],"lastKey":${JSON.stringify(lastKey)},"end":${end}}`;
}

/**
 * How many rows a snapshot of the whole catalog holds for this till, counted no further than
 * `atMost`: a pull asks on every page, and a large catalog need not be counted to the end.
 */
export async function snapshotRowCount(db: Db, device: DevicePrincipal, atMost: number): Promise<number> {
  const rows = syncEntities(device).map((e) => sql`(select 1 ${snapshotRows(e, device, null)} limit ${atMost})`);
  const [row] = await query<{ n: string | number }>(db, sql`select count(*) as n from (${sql.join(rows, sql` union all `)} limit ${atMost}) as held`);
  return Number(row?.n ?? 0);
}

/**
 * The till's catalog as NDJSON lines (a `SnapshotHead`, then `SnapshotBatch`es entity by
 * entity), read in one REPEATABLE READ read-only transaction and fetched batch by batch from a
 * server-side cursor as the reader asks for more, so neither side holds the catalog at once.
 *
 * The cursor is the highest change sequence the transaction sees among the chain's synced
 * rows. Stamping takes the chain's advisory lock until commit, so every change numbered up to
 * it committed before that one did and is in the snapshot; every change after it is one the
 * change feed brings. (The sequence's own last value could name a change still uncommitted.)
 */
export async function snapshotStream(db: Db, device: DevicePrincipal, { entity, after }: SnapshotQuery): Promise<ReadableStream<Uint8Array>> {
  await requireOpenStore(db, device.chainId, device.storeId);
  const encoder = new TextEncoder();
  let wanted: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = async (line: string) => {
          if (cancelled) throw new Error('snapshot cancelled');
          controller.enqueue(encoder.encode(`${line}\n`));
          if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wanted = resolve));
        };
        const entities = entitiesFrom(device, entity);
        const write = db.transaction(
          async (tx) => {
            const heads = syncEntities(device).map((e) => sql`(select max(change_seq) from ${sql.identifier(e.table)} where chain_id = ${device.chainId})`);
            const [head] = await rowsOf<{ cursor: string | number | null }>(tx, sql`select greatest(${sql.join(heads, sql`, `)}) as cursor`);
            const counted = await rowsOf<{ entity: string; n: string | number }>(
              tx,
              sql.join(entities.map((e, i) => sql`select ${e.entity}::text as entity, count(*) as n ${snapshotRows(e, device, i === 0 ? (after ?? null) : null)}`), sql` union all `),
            );
            const counts = Object.fromEntries(SNAPSHOT_ENTITIES.map((name) => [name, Number(counted.find((c) => c.entity === name)?.n ?? 0)])) as SnapshotHead['counts'];
            await send(JSON.stringify({ cursor: Number(head?.cursor ?? 0), counts } satisfies SnapshotHead));
            for (const [i, e] of entities.entries()) {
              let lastKey = i === 0 ? (after ?? null) : null;
              // Ordered by the key itself, so the primary key's index gives the order; rows come as
              // PostgreSQL's JSON text and go out as they are.
              await rowsOf(tx, sql`declare snapshot_rows no scroll cursor for
                select (${e.key})::text as key, (${e.data})::text as data ${snapshotRows(e, device, lastKey)} order by ${e.key}`);
              for (;;) {
                const rows = await rowsOf<{ key: string; data: string }>(tx, sql`fetch ${sql.raw(String(SNAPSHOT_BATCH_ROWS))} from snapshot_rows`);
                lastKey = rows.at(-1)?.key ?? lastKey;
                const end = rows.length < SNAPSHOT_BATCH_ROWS;
                await send(batchLine(e.entity, rows.map((r) => r.data), lastKey, end));
                if (end) break;
              }
              await rowsOf(tx, sql`close snapshot_rows`);
            }
          },
          { isolationLevel: 'repeatable read', accessMode: 'read only' },
        );
        write.then(
          () => controller.close(),
          (error: unknown) => {
            if (!cancelled) controller.error(error);
          },
        );
      },
      pull() {
        wanted?.();
        wanted = null;
      },
      cancel() {
        cancelled = true;
        wanted?.();
        wanted = null;
      },
    },
    { highWaterMark: 2 },
  );
}
