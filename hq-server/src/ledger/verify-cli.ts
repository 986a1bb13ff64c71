import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { formatLedgerReport, verifyLedgers } from './verify-ledgers';

const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : { pgliteDir: config.PGLITE_DIR });
console.log(`verifying the ledgers of ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.PGLITE_DIR}`} …`);
try {
  const report = await verifyLedgers(database.db);
  for (const line of formatLedgerReport(report)) console.log(line);
  if (!report.ok) {
    console.error('ledger differences found: the balances above do not equal their ledgers');
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
