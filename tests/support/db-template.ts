import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPglite, openDatabase, type Database } from '@pos/hq-server/db/client';
import postgres from 'postgres';

/**
 * How a test database is made from empty, and the name it is kept under: making it (the
 * migrations, perhaps the demo seed) costs seconds, cloning it a fraction of that, so each
 * recipe is made once and every test file gets a clone of it.
 */
export interface DatabaseRecipe {
  key: string;
  build: (database: Database) => Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A template left from other code is dropped after a day, so a developer's server does not fill up. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(sql|json|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

let fingerprint: string | undefined;

/** Everything a made database depends on: the migrations and the code that seeds (HQ's and the shared code it calls). */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const folder of ['migrations', 'hq-server/src', 'shared/src']) {
    for (const file of sourceFiles(join(root, folder)).sort()) hash.update(relative(root, file)).update(readFileSync(file));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

const recipeHash = (recipe: DatabaseRecipe) => createHash('sha256').update(sourceFingerprint()).update(recipe.key).digest('hex').slice(0, 20);

/** A clone of the recipe's PostgreSQL template database on the server, made first if this code has none yet. */
export async function postgresFromRecipe(serverUrl: string, name: string, recipe: DatabaseRecipe): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const template = await ensurePostgresTemplate(admin, serverUrl, recipe);
    // Another file cloning the same template at the same moment can hold it briefly; try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
}

async function ensurePostgresTemplate(admin: postgres.Sql, serverUrl: string, recipe: DatabaseRecipe): Promise<string> {
  const prefix = `pos_tpl_${recipeHash(recipe)}_`;
  const existing = async () => (await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${prefix}%`} and datistemplate`)[0]?.datname;
  const found = await existing();
  if (found) return found;
  // One maker per template across every test process; the others wait and then clone what it made.
  await admin`select pg_advisory_lock(hashtext(${prefix}))`;
  try {
    const madeMeanwhile = await existing();
    if (madeMeanwhile) return madeMeanwhile;
    await dropStaleTemplates(admin);
    const name = `${prefix}${Date.now()}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 2 });
    try {
      await recipe.build(database);
    } finally {
      await database.close();
    }
    await admin.unsafe(`alter database "${name}" with is_template true`);
    return name;
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${prefix}))`;
  }
}

async function dropStaleTemplates(admin: postgres.Sql): Promise<void> {
  const templates = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'pos\\_tpl\\_%' and datistemplate`;
  for (const { datname } of templates) {
    const madeAt = Number(datname.split('_').at(-1));
    if (!(Date.now() - madeAt > STALE_AFTER_MS)) continue;
    await admin.unsafe(`alter database "${datname}" with is_template false`);
    await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  }
}

/** An in-memory PGlite started from the recipe's dumped data directory, made first (and kept in the temp folder) if this code has none yet. */
export async function pgliteFromRecipe(recipe: DatabaseRecipe): Promise<Database> {
  const file = join(tmpdir(), `pos-pglite-${recipeHash(recipe)}.tar.gz`);
  if (!existsSync(file)) await makePgliteTemplate(file, recipe);
  return openDatabase({ pglite: await createPglite(undefined, new Blob([readFileSync(file)])) });
}

async function makePgliteTemplate(file: string, recipe: DatabaseRecipe): Promise<void> {
  dropStaleDumps();
  const pglite = await createPglite();
  const database = await openDatabase({ pglite });
  try {
    await recipe.build(database);
    await pglite.query('checkpoint');
    const dump = await pglite.dumpDataDir('gzip');
    // Written aside and renamed, so a file another process reads is always whole.
    const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
}

function dropStaleDumps(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('pos-pglite-')) continue;
    const path = join(tmpdir(), name);
    if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
  }
}
