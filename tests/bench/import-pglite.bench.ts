import importBench from './import.bench';

/** `pnpm bench import` on embedded PGlite instead of PostgreSQL (no COPY floor there). */
export default function importPgliteBench(): Promise<Record<string, unknown>> {
  return importBench(['--pglite']);
}
