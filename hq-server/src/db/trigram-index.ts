import { index, type ExtraConfigColumn } from 'drizzle-orm/pg-core';

/**
 * A pg_trgm GIN index on a text column, so `ILIKE '%x%'`, `LIKE 'x%'` and `LIKE '%x'` are
 * answered through the index instead of a scan once the text has a trigram to look for (three
 * characters, or fewer anchored at an end). The extension is created by the migration that
 * adds the first such index; PGlite loads it as a contrib extension (`db/client.ts`).
 */
export const trigramIndex = (name: string, column: ExtraConfigColumn) => index(name).using('gin', column.op('gin_trgm_ops'));
