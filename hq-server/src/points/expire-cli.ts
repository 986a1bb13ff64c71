import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { systemClock } from '../ids';
import { expirePointsOfAllChains } from './expire-points';

/** `pnpm points:expire`: lets every chain's lapsed points expire now, by each chain's policy; safe to run while HQ runs. */
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : { pgliteDir: config.PGLITE_DIR });
try {
  for (const run of await expirePointsOfAllChains(database.db, systemClock)) {
    console.log(`chain ${run.chainId}: on ${run.asOf}, ${run.points} points lapsed in ${run.pools} pools`);
  }
} finally {
  await database.close();
}
