import type postgres from 'postgres';
import { round } from '../stats';

/** A statement's text cut to what tells it apart: whitespace folded, the first 160 characters. */
const shapeOf = (query: string) => query.replace(/\s+/g, ' ').trim().slice(0, 160);

/**
 * A sampling profile of the database: every `everyMs` the statements running on it
 * (`pg_stat_activity`, state active), counted by statement and by what they waited on. A
 * statement's share of the samples is its share of the time the database's connections were
 * busy, which `pg_stat_statements` would give exactly were it loaded.
 */
export function sampleActiveStatements(admin: postgres.Sql, database: string, everyMs = 100) {
  const byStatement = new Map<string, { samples: number; waits: Map<string, number> }>();
  let samples = 0;
  let busy = 0;
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const rows = await admin<{ query: string; wait: string | null }[]>`
        select query, wait_event_type || ':' || wait_event as wait from pg_stat_activity
        where datname = ${database} and state = 'active' and pid <> pg_backend_pid()`.catch(() => []);
      samples += 1;
      busy += rows.length;
      for (const row of rows) {
        const key = shapeOf(row.query);
        const entry = byStatement.get(key) ?? { samples: 0, waits: new Map<string, number>() };
        entry.samples += 1;
        const wait = row.wait ?? 'on CPU';
        entry.waits.set(wait, (entry.waits.get(wait) ?? 0) + 1);
        byStatement.set(key, entry);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  const running = loop();
  return {
    async finish(top = 12) {
      stopped = true;
      await running;
      return {
        samples, meanActiveStatements: samples ? round(busy / samples, 2) : 0,
        top: [...byStatement].sort((a, b) => b[1].samples - a[1].samples).slice(0, top).map(([statement, e]) => ({
          percentOfBusy: round((100 * e.samples) / Math.max(1, busy), 1),
          waits: Object.fromEntries([...e.waits].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([w, n]) => [w, round((100 * n) / e.samples, 0)])),
          statement,
        })),
      };
    },
  };
}
