import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Clock } from '../ids';
import { countRows, readMigrationLevel, readSequences, tablesInLoadOrder } from './backup-catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupHeader } from './backup-format';
import { readBackupFile } from './backup-read';
import type { Database, Db } from './client';
import { query } from './query';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

/** The file's lines: header, every table's rows through a cursor (a batch in memory at a time), trailer with the checksum. */
async function* backupLines(db: Db, header: BackupHeader): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const emit = (text: string) => {
    hash.update(text);
    return text;
  };
  yield emit(`${JSON.stringify(header)}\n`);
  for (const table of header.tables) {
    await db.execute(sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as line from ${sql.identifier(table.name)} t`);
    let written = 0;
    for (;;) {
      const rows = await query<{ line: string }>(db, sql`fetch forward 2000 from backup_rows`);
      if (!rows.length) break;
      written += rows.length;
      yield emit(`${rows.map((r) => r.line).join('\n')}\n`);
    }
    await db.execute(sql`close backup_rows`);
    if (written !== table.rows) throw new BackupError(`${table.name}: counted ${table.rows} rows but read ${written}`);
  }
  yield `${JSON.stringify({ end: BACKUP_FORMAT, sha256: hash.digest('hex') })}\n`;
}

/**
 * Writes a logical backup of the whole database to `file` from one consistent snapshot (a
 * read-only repeatable-read transaction; PGlite has one connection, so it is consistent anyway),
 * through our own connection: no `pg_dump` needed, and it restores into PostgreSQL or PGlite alike.
 * The file is written beside its name first, read back and checked, and only then renamed.
 */
export async function writeBackup(database: Database, file: string, clock: Clock): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const header = await database.db.transaction(async (db) => {
      const tables = await tablesInLoadOrder(db);
      const counts = await countRows(db, tables.map((t) => t.name));
      const header: BackupHeader = {
        format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: clock().toISOString(), source: database.kind,
        migrations: await readMigrationLevel(db), sequences: await readSequences(db),
        tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name)! })),
      };
      await pipeline(Readable.from(backupLines(db, header)), createGzip(), createWriteStream(partial));
      return header;
    }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
    const reread = await readBackupFile(partial);
    if (JSON.stringify(reread.tables) !== JSON.stringify(header.tables)) throw new BackupError('the backup read back does not hold what was written');
    await rename(partial, file);
    return { file, tables: header.tables.length, rows: header.tables.reduce((n, t) => n + t.rows, 0) };
  } finally {
    await rm(partial, { force: true });
  }
}
