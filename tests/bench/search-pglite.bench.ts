import searchBench from './search.bench';

/** `pnpm bench search` on embedded PGlite instead of PostgreSQL, as the demo and the tests run HQ (`pnpm bench search-pglite 5000 20000`; 100,000 by default, slow to seed there). */
export default function searchPgliteBench(args: string[]): Promise<Record<string, unknown>> {
  return searchBench([...args, '--pglite']);
}
