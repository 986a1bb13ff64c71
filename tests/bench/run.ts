import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm bench <name>` runs tests/bench/<name>.bench.ts, whose default export returns the
 * figures; they are printed and written to bench-results/<name>.json.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = fileURLToPath(new URL('../../bench-results/', import.meta.url));
const name = process.argv[2];
const available = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));

if (!name || !available.includes(name)) {
  console.error(`usage: pnpm bench <name>   (one of: ${available.join(', ')})`);
  process.exit(2);
}

const bench = (await import(`./${name}.bench.ts`)) as { default: (args: string[]) => Promise<Record<string, unknown>> };
const figures = await bench.default(process.argv.slice(3));
const result = { bench: name, measuredAt: new Date().toISOString(), node: process.version, ...figures };
await mkdir(resultsDir, { recursive: true });
await writeFile(`${resultsDir}${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
console.log(`written to bench-results/${name}.json`);
process.exit(0);
