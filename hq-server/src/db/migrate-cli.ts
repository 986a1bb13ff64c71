import { loadConfig } from '../config';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';

const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 1 } : { pgliteDir: config.PGLITE_DIR });
await migrateDatabase(database);
await database.close();
console.log(`migrated ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${config.PGLITE_DIR}`}`);
