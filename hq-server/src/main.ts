import { rearmPairingCode } from './auth/devices.service';
import { newPairingCode } from './auth/secrets';
import { loadConfig } from './config';
import { fromInvocationDir } from './db/backup-paths';
import { startBackupSchedule } from './db/backup-schedule';
import { writeBackup } from './db/backup-write';
import { fillPinyinKeys } from './catalog/fill-pinyin-keys';
import { openDatabase } from './db/client';
import { openJobLock } from './db/job-lock';
import { migrateDatabase } from './db/migrate';
import { createAdmission } from './http/admission';
import type { Deps } from './http/app-env';
import { systemClock } from './ids';
import { startPointsExpirySchedule } from './points/expiry-schedule';
import { startCommissionSchedule } from './commission/commission-schedule';
import { startChainRollUpSchedule } from './reports/chain-rollup';
import { describeShowcaseMembers } from './seed/demo-members';
import { describeMembershipShowcase } from './seed/demo-membership';
import { DEMO_PASSWORD, DEMO_PIN } from './seed/demo-org';
import { demoDevices } from './seed/seed';
import { seedDemoIfEmpty } from './seed/seed-on-start';
import { logMessageProvider } from './member-messages/message-provider';
import { startMessageSchedule } from './member-messages/message-schedule';
import { lineLogger } from './observability/logger';
import { observabilityFor } from './observability/observability';
import { startServer } from './server';

const config = loadConfig();
const production = config.POS_MODE === 'production';
const observability = observabilityFor(config, { processMetrics: true });
const { logger } = observability;
const log = lineLogger(logger);
if (production && !config.DATABASE_URL) {
  logger.warn('POS_MODE=production on the embedded database (ALLOW_EMBEDDED_DATABASE=true): it does not flush to disk on commit and does not survive a power cut, '
    + 'so sales HQ confirmed can be lost; for a single-store trial only, with backups');
}
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE } : { pgliteDir: config.PGLITE_DIR });
log(`[hq] database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.PGLITE_DIR}`}`);
await migrateDatabase(database);
// A streaming replica is read-only and takes the primary's schema through replication: never migrated here.
const reportsDatabase = config.REPORTS_DATABASE_URL ? await openDatabase({ url: config.REPORTS_DATABASE_URL }) : null;
log(`[hq] reports read from ${reportsDatabase ? 'the replica in REPORTS_DATABASE_URL' : 'the main database'}`);
const admission = createAdmission({
  maxInFlight: config.MAX_REQUESTS_IN_FLIGHT, retryAfterSeconds: 5, onShed: (reason) => observability.metrics.shedRequests.inc({ reason }),
});
const deps: Deps = { db: database.db, reportsDb: reportsDatabase?.db, clock: systemClock, config, observability, admission };

if (config.SEED_ON_EMPTY) await seedDemoIfEmpty(deps, { products: 5000, historyDays: 60 }, log);
const filled = await fillPinyinKeys(database.db);
if (filled.products + filled.members > 0) log(`[hq] pinyin keys made for ${filled.products} products and ${filled.members} members`);

const server = await startServer(deps, { port: config.PORT, host: config.HOST, staticDir: config.STATIC_DIR });

/** Fresh pairing codes for each unpaired demo till, valid for a day, so the demo can be paired straight away. */
async function printDemoAccess(): Promise<void> {
  const devices = (await demoDevices(deps)).filter((d) => d.pairedAt === null);
  const lines: string[] = [];
  for (const device of devices.filter((d, i, all) => all.findIndex((o) => o.storeCode === d.storeCode) === i)) {
    const code = newPairingCode();
    await rearmPairingCode(deps, device.chainId, device.id, code, 24 * 60);
    lines.push(`    ${device.storeCode} ${device.storeName}  till ${device.code}: ${code}`);
  }
  console.log(
    [
      '',
      `  POS HQ and till running at ${server.url}`,
      `  API description: ${server.url}/openapi.json`,
      '',
      '  Pairing codes (type one into the till; valid 24 hours):',
      ...(lines.length ? lines : ['    every demo till is paired already']),
      '',
      `  Clerk sign-in: S001 clerks 0011 (manager), 0012, 0013; S002 clerks 0021, 0022, 0023 …  PIN ${DEMO_PIN}`,
      `  Office users: hq@demo.pos, pudong@demo.pos, east@demo.pos, west@demo.pos, s001@demo.pos, finance@demo.pos, snacks@demo.pos (sees the snacks category only)  password ${DEMO_PASSWORD}`,
      `  Members (card or phone, at the till): ${describeShowcaseMembers()}`,
      `  Membership (office → Members): ${describeMembershipShowcase()}`,
      '',
    ].join('\n'),
  );
}
// In production nothing of the demo is printed or re-armed, even on a database that holds it.
if (production) logger.info('listening', { url: server.url, metrics: observability.metricsAccess === 'closed' ? 'off (no METRICS_TOKEN)' : 'on' });
else await printDemoAccess();

// Of several HQ processes on one database, each scheduled job runs in one (see db/job-lock.ts).
const jobLock = openJobLock(database, log);
const backupDir = config.BACKUP_DIR && fromInvocationDir(config.BACKUP_DIR);
const backups = backupDir && config.BACKUP_EVERY_HOURS
  ? startBackupSchedule({
    dir: backupDir, everyMs: config.BACKUP_EVERY_HOURS * 3_600_000, keep: config.BACKUP_KEEP, clock: systemClock,
    backUp: (file) => writeBackup(database, file, systemClock), log, mayRun: jobLock.mayRun,
  })
  : null;
if (backups) log(`[hq] backing the database up to ${backupDir} every ${config.BACKUP_EVERY_HOURS} hours, keeping the newest ${config.BACKUP_KEEP}`);

// Messages to members go to the log until the chain plugs its SMS gateway in (see docs/ARCHITECTURE.md).
const messages = startMessageSchedule(database.db, systemClock, logMessageProvider(log), 60_000, log, jobLock.mayRun);
void messages.runOnce();
const pointsExpiry = startPointsExpirySchedule(database.db, systemClock, log, jobLock.mayRun);
const commission = startCommissionSchedule({ db: database.db, clock: systemClock }, undefined, log, jobLock.mayRun);
void commission.runOnce();
const chainRollUp = startChainRollUpSchedule(database.db, { log, mayRun: jobLock.mayRun });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    // Tills retry what is turned away (every push is idempotent), so the drain only spares them the wait.
    const drained = await admission.drain(config.SHUTDOWN_GRACE_SECONDS * 1000);
    log(`[hq] ${signal}: ${drained === 'idle' ? 'the requests under way finished' : `stopping with ${admission.inFlight()} requests under way after ${config.SHUTDOWN_GRACE_SECONDS} s`}`);
    backups?.stop();
    messages.stop();
    pointsExpiry.stop();
    commission.stop();
    chainRollUp.stop();
    await server.close();
    await jobLock.close();
    await reportsDatabase?.close();
    await database.close();
    process.exit(0);
  });
}
