import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { systemClock } from '../ids';
import { BackupError, backupFileName } from './backup-format';
import { defaultBackupDir, fromInvocationDir } from './backup-paths';
import { writeBackup } from './backup-write';
import { openDatabase } from './client';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
const config = loadConfig();
const isFolder = (path: string) => path.endsWith('/') || (statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false);
const out = values.out ? fromInvocationDir(values.out) : config.BACKUP_DIR ? fromInvocationDir(config.BACKUP_DIR) : defaultBackupDir;
const file = values.out && !isFolder(out) ? out : join(out, backupFileName(systemClock()));
mkdirSync(dirname(file), { recursive: true });

const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : { pgliteDir: config.PGLITE_DIR });
console.log(`backing up ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.PGLITE_DIR}`} …`);
try {
  const started = performance.now();
  const summary = await writeBackup(database, file, systemClock);
  console.log(`backed up ${summary.rows} rows of ${summary.tables} tables to ${summary.file} in ${((performance.now() - started) / 1000).toFixed(1)} s (checked by reading it back)`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`backup failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
