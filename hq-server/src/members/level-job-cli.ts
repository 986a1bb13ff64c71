import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { systemClock } from '../ids';
import { chains } from '../org/org.tables';
import { runLevelJob } from './level-job';

/** Runs the level job for every chain once: `pnpm --filter hq-server members:levels`, from a daily cron. */
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : { pgliteDir: config.PGLITE_DIR });
try {
  for (const { id, code } of await database.db.select({ id: chains.id, code: chains.code }).from(chains)) {
    const done = await runLevelJob(database.db, id, systemClock);
    console.log(`[hq] member levels ${code}: ${done.upgraded} upgraded, ${done.downgraded} downgraded, ${done.expired} paid memberships lapsed`);
  }
} finally {
  await database.close();
}
