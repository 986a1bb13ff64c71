import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { systemClock } from '../ids';
import { seedDemoIfEmpty } from './seed-on-start';

const { values } = parseArgs({ options: { products: { type: 'string', default: '5000' }, days: { type: 'string', default: '60' } } });
const products = Number(values.products);
const historyDays = Number(values.days);
if (!Number.isInteger(products) || products < 100 || products > 1_000_000) throw new Error('--products must be a whole number from 100 to 1,000,000');
if (!Number.isInteger(historyDays) || historyDays < 0 || historyDays > 400) throw new Error('--days must be a whole number from 0 to 400');

const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.PGLITE_DIR });
await migrateDatabase(database);
const deps = { db: database.db, clock: systemClock, config };
if (!(await seedDemoIfEmpty(deps, { products, historyDays }))) {
  console.log('The demo chain is already in this database; nothing to do. Point DATABASE_URL (or PGLITE_DIR) at an empty database to seed again.');
}
await database.close();
