import type { Deps } from '../http/app-env';
import { isSeeded, seedDemo, type SeedOptions, type SeedSummary } from './seed';

/**
 * Seeds the demo chain into a database that does not have it, telling the console what happens.
 * The seed is one transaction: a start stopped while seeding leaves no demo chain behind, so this
 * seeds it whole again on the next start. Answers what was seeded, or null when the demo was there.
 */
export async function seedDemoIfEmpty(deps: Deps, options: SeedOptions, log: (line: string) => void = console.log): Promise<SeedSummary | null> {
  if (await isSeeded(deps)) return null;
  log(
    `[hq] no demo chain in the database: creating it (${options.products.toLocaleString('en')} products, ${options.historyDays} days of sales); this takes a minute or two once.\n` +
      '[hq] it is written in one transaction: if this start is stopped before it is done, nothing is kept and the next start begins it again.',
  );
  const started = performance.now();
  const summary = await seedDemo(deps, { ...options, onStep: async (step) => {
    log(`[hq]   ${step} written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    await options.onStep?.(step);
  } });
  log(`[hq] demo chain ready: ${summary.products} products, ${summary.members} members, ${summary.sales} historical sales`);
  return summary;
}
