import searchBench from './search.bench';

/** `pnpm bench search` on embedded PGlite instead of PostgreSQL, as the demo and the tests run HQ (`pnpm bench search-pglite [sizes…]`). */
export default function searchPgliteBench(args: string[]): Promise<Record<string, unknown>> {
  return searchBench([...args, '--pglite']);
}
