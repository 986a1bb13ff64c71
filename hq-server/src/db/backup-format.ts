import { z } from 'zod';

/**
 * A backup is one gzip file of lines: the header (JSON), then each table's rows in load order,
 * one `row_to_json` text a line, exactly as many as the header counts, then the trailer (JSON)
 * with the SHA-256 of every line before it. Rows stay text end to end, so bigints, jsonb and
 * timestamps reach the restoring database exactly as the backed-up one wrote them.
 */
export const BACKUP_FORMAT = 'pos-hq-backup';
export const BACKUP_VERSION = 1;

export const MigrationLevel = z.object({
  /** How many of the migrations in `migrations/` were applied. */
  applied: z.number().int().min(0),
  /** drizzle's hash of the last applied one, so a backup is never restored over different migrations. */
  lastHash: z.string().nullable(),
});
export type MigrationLevel = z.infer<typeof MigrationLevel>;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  source: z.enum(['postgres', 'pglite']),
  migrations: MigrationLevel,
  /** In load order: a table's foreign keys point only at tables before it (or at itself). */
  tables: z.array(z.object({ name: z.string().min(1), rows: z.number().int().min(0) })),
  /** Each sequence's state as of the snapshot; change sequence numbers go on from there. */
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupTrailer = z.object({ end: z.literal(BACKUP_FORMAT), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** An expected failure of a backup or a restore: a bad file, a database that is not empty. The message says what to do. */
export class BackupError extends Error {}

/** A backup file name that sorts by time: `hq-20261122-040000.pos-backup.gz`. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `hq-${stamp}.pos-backup.gz`;
}

export const isBackupFileName = (name: string): boolean => /^hq-\d{8}-\d{6}\.pos-backup\.gz$/.test(name);
