import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /**
   * A connection of its own beside the pool, for what must stay on one server session (a session
   * advisory lock and the work done under it); null on PGlite, whose one connection is this process's alone.
   */
  ownConnection(): OwnConnection | null;
  close(): Promise<void>;
}

export interface OwnConnection {
  db: Db;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string; poolSize?: number } | { pgliteDir: string } | { pglite: PGlite };

/**
 * An embedded PGlite, in a folder or in memory, with the extensions the migrations create (pg_trgm
 * for the text searches' indexes); `loadDataDir` starts it from a data directory dumped by another.
 */
export const createPglite = (dataDir?: string, loadDataDir?: Blob): Promise<PGlite> =>
  PGlite.create(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });

/** Opens PostgreSQL when given a URL, otherwise embedded PGlite (in a folder, or an instance handed in). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const { url } = target;
    const client = postgres(url, { max: target.poolSize ?? 10, onnotice: () => {}, connection: { application_name: 'pos-hq' } });
    return { db: drizzlePostgres(client, { schema }) as unknown as Db, kind: 'postgres', ownConnection: () => openOwnConnection(url), close: () => client.end({ timeout: 5 }) };
  }
  if ('pgliteDir' in target) mkdirSync(target.pgliteDir, { recursive: true });
  const client = 'pglite' in target ? target.pglite : await createPglite(target.pgliteDir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    ownConnection: () => null,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * One connection that is never recycled by age (postgres.js otherwise replaces a connection after
 * 30 to 60 minutes, which would drop the session's advisory locks); if the server drops it, the
 * next query opens a new session, and the locks must be checked again.
 */
function openOwnConnection(url: string): OwnConnection {
  const client = postgres(url, { max: 1, max_lifetime: null, onnotice: () => {}, connection: { application_name: 'pos-hq-locks' } });
  return { db: drizzlePostgres(client, { schema }) as unknown as Db, close: () => client.end({ timeout: 5 }) };
}
