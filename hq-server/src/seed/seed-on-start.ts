import type { Deps } from '../http/app-env';
import { removeStoppedSeed } from './remove-stopped-seed';
import { isSeeded, seedDemo, type SeedOptions, type SeedSummary } from './seed';

/**
 * Seeds the demo chain into a database that does not have it, telling the console what happens.
 * A demo chain left half-made by a start stopped while seeding is removed first and seeded again
 * whole. Answers what was seeded, or null when the demo was there.
 */
export async function seedDemoIfEmpty(deps: Deps, options: SeedOptions, log: (line: string) => void = console.log): Promise<SeedSummary | null> {
  if (await isSeeded(deps)) return null;
  if (await removeStoppedSeed(deps)) {
    log('[hq] found a demo chain left half-made by a start that was stopped while seeding: removed it; seeding again from the start.');
  }
  log(
    `[hq] no demo chain in the database: creating it (${options.products.toLocaleString('en')} products, ${options.historyDays} days of sales); this takes a minute or two once.\n` +
      '[hq] if this start is stopped before the demo is ready, the next start removes what was written and begins again.',
  );
  const started = performance.now();
  const summary = await seedDemo(deps, { ...options, onStep: async (step) => {
    log(`[hq]   ${step} written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    await options.onStep?.(step);
  } });
  log(`[hq] demo chain ready: ${summary.products} products, ${summary.members} members, ${summary.sales} historical sales`);
  return summary;
}
