import { round } from '../stats';
import type { RunningHq } from './hq-processes';
import { cpuSecondsOf, rssMbOf } from './machine-probes';
import type { SimulatedTill } from './simulated-till';

const AT_ONCE = 8;

/**
 * Each store new to this series sells its first sale, eight stores at a time, before the step's
 * tills start: a store's first push makes HQ load and compile that store's prices, which it then
 * keeps, so the step measures HQ warm. What that costs per store (HQ's CPU, its memory) is
 * measured here.
 */
export async function openStores(firstTills: readonly SimulatedTill[], hqs: readonly RunningHq[]) {
  const started = performance.now();
  const cpuBefore = hqs.map((hq) => cpuSecondsOf(hq.pid) ?? 0);
  const rssBefore = hqs.map((hq) => rssMbOf(hq.pid) ?? 0);
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < firstTills.length) {
      const till = firstTills[next++]!;
      if (!(await till.openStore())) refused += 1;
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  const cpu = hqs.reduce((sum, hq, i) => sum + (cpuSecondsOf(hq.pid) ?? cpuBefore[i]!) - cpuBefore[i]!, 0);
  const rssAfter = hqs.map((hq) => rssMbOf(hq.pid) ?? 0);
  const grown = rssAfter.reduce((sum, rss, i) => sum + rss - rssBefore[i]!, 0);
  return {
    stores: firstTills.length, notTaken: refused, seconds: round((performance.now() - started) / 1000, 1),
    hqCpuSeconds: round(cpu, 1), hqCpuMsPerStore: firstTills.length ? round((cpu * 1000) / firstTills.length, 1) : null,
    hqRssMbAfter: rssAfter, hqRssMbPerStore: firstTills.length ? round(grown / firstTills.length, 2) : null,
  };
}
