import type { Deps } from '../http/app-env';
import { writeSales, type SaleToWrite } from './write-sales';

/** Writes one chain's sales in one statement and says which were new: `writeSales`, or a stand-in in tests. */
export type WriteSales = (chainId: string, batch: SaleToWrite[]) => Promise<Set<string>>;

export interface CoalescingLimits {
  /** Statements running at once; pushes arriving meanwhile wait and go together. */
  statementsAtOnce: number;
  /** The most sales one statement takes, so a burst goes in statements of a bounded size. */
  salesPerStatement: number;
  /**
   * How long a push that comes while a statement runs waits for it (milliseconds) before taking a
   * free slot; it goes with the other waiting pushes when the statement ends, whichever is first.
   * A statement's own cost (plan, round trip, commit) is well above each sale's share, so a busy
   * HQ trades a few milliseconds of a push's answer for fewer, larger statements. 0 never waits.
   */
  lingerMs: number;
}

const LIMITS: CoalescingLimits = { statementsAtOnce: 2, salesPerStatement: 200, lingerMs: 20 };

interface Part {
  chainId: string;
  batch: SaleToWrite[];
  resolve(inserted: Set<string>): void;
  reject(error: unknown): void;
}

/**
 * A queue in front of `write` that joins the pushes waiting for a statement into one, as a
 * database joins commits. A push that comes while no statement runs is written at once. One that
 * comes while a statement runs waits for it to end (or `lingerMs`, then takes a free slot of the
 * `statementsAtOnce`), and goes with every push waiting by then, up to `salesPerStatement` sales
 * of one chain and no sale twice. A busy HQ so writes many tills' sales with one plan, one round
 * trip and one commit, while a quiet one answers each push without delay. A joined statement
 * that fails is run again push by push, so one push's bad document, or a failure of the joined
 * statement, costs the others nothing: each push gets its own outcome.
 */
export function coalescingWriter(write: WriteSales, limits: CoalescingLimits = LIMITS): WriteSales {
  let running = 0;
  let waiting: Part[] = [];
  let linger: ReturnType<typeof setTimeout> | null = null;

  /** The first waiting push, and after it those of its chain that fit and repeat none of the group's sales. */
  const takeGroup = (): Part[] => {
    const [first, ...rest] = waiting;
    const group = [first!];
    const ids = new Set(first!.batch.map(({ sale }) => sale.id));
    waiting = [];
    for (const part of rest) {
      const fits = part.chainId === first!.chainId && ids.size + part.batch.length <= limits.salesPerStatement && part.batch.every(({ sale }) => !ids.has(sale.id));
      if (!fits) {
        waiting.push(part);
        continue;
      }
      group.push(part);
      for (const { sale } of part.batch) ids.add(sale.id);
    }
    return group;
  };

  const writeGroup = async (group: Part[]): Promise<void> => {
    if (group.length > 1) {
      try {
        const inserted = await write(group[0]!.chainId, group.flatMap((part) => part.batch));
        for (const part of group) part.resolve(new Set(part.batch.flatMap(({ sale }) => (inserted.has(sale.id) ? [sale.id] : []))));
        return;
      } catch {
        // The joined statement wrote nothing; each push is written alone below and gets its own outcome.
      }
    }
    for (const part of group) {
      try {
        part.resolve(await write(part.chainId, part.batch));
      } catch (error) {
        part.reject(error);
      }
    }
  };

  const pump = (): void => {
    while (running < limits.statementsAtOnce && waiting.length > 0) {
      running++;
      void writeGroup(takeGroup()).finally(() => {
        running--;
        pump();
      });
    }
  };

  const waitingSales = () => waiting.reduce((n, part) => n + part.batch.length, 0);

  return (chainId, batch) => {
    const written = new Promise<Set<string>>((resolve, reject) => waiting.push({ chainId, batch, resolve, reject }));
    if (running === 0 || limits.lingerMs === 0 || waitingSales() >= limits.salesPerStatement) pump();
    else if (linger === null) {
      linger = setTimeout(() => {
        linger = null;
        pump();
      }, limits.lingerMs);
    }
    return written;
  };
}

const writers = new WeakMap<Deps, WriteSales>();

/**
 * Writes a push's plain sales (no offline stored-value payment, no points to post: `writeSales`
 * alone) through its HQ's coalescing queue. Each statement is atomic as before and every sale in
 * it goes in once, so a push is answered only once its own sales are committed.
 */
export function writeSalesCoalesced(deps: Deps, chainId: string, batch: SaleToWrite[]): Promise<Set<string>> {
  let writer = writers.get(deps);
  if (!writer) writers.set(deps, (writer = coalescingWriter((chain, sales) => writeSales(deps, chain, sales))));
  return writer(chainId, batch);
}
