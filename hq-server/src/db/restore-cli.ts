import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { BackupError } from './backup-format';
import { fromInvocationDir } from './backup-paths';
import { restoreBackup } from './backup-restore';
import { openDatabase } from './client';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: pnpm db:restore <backup file>   (into the empty database named by DATABASE_URL, or PGLITE_DIR)');
  process.exit(2);
}
const file = fromInvocationDir(positionals[0]!);
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : { pgliteDir: config.PGLITE_DIR });
console.log(`restoring ${file} into ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.PGLITE_DIR}`} …`);
try {
  const started = performance.now();
  const summary = await restoreBackup(database, file);
  console.log(
    `restored ${summary.rows} rows of ${summary.tables} tables at migration level ${summary.migrations} in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      'counts and checksum verified. Start HQ as usual: it applies any newer migrations.',
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`restore refused, nothing changed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
