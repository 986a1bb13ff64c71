/**
 * Fair allocation when short (缺货公平配货): what HQ or the distribution centre sends each store
 * of one product, in whole packs, when the stores' needs may be more than it holds.
 */

/** One store's claim on one product. Quantities are in the product's units. */
export interface AllocationClaim {
  readonly storeId: string;
  /** 1 is served first; stores of one priority share what is left in proportion to need. */
  readonly priority: number;
  /** What the store asked for (门店要货); null when HQ sends by ideal stock without a request. */
  readonly asked: number | null;
  /** The store's ideal stock of the product (理想库存); null when none is set. */
  readonly ideal: number | null;
  readonly onHand: number;
  /** Shipped to the store and not yet received. */
  readonly inTransit: number;
}

export interface AllocationInput {
  readonly productId: string;
  /** What the source holds to send. */
  readonly available: number;
  /** Units in a pack: goods go out in whole packs only. */
  readonly packSize: number;
  readonly claims: readonly AllocationClaim[];
}

/**
 * How a store's allocation came about:
 * - `full`: it got all it may take (its priority served in full, or its share reached it);
 * - `proportional`: its priority could not, and it got its share of what was left, in packs;
 * - `none_left`: stores of an earlier priority took everything;
 * - `no_need`: it needs nothing (asked nothing, or is at or above its ideal stock).
 */
export type AllocationOutcome = 'full' | 'proportional' | 'none_left' | 'no_need';

export interface AllocationWhy {
  readonly priority: number;
  readonly asked: number | null;
  readonly ideal: number | null;
  /** Null with `inTransit` when the rules had no need of them: the source held enough for every ask (`servesEveryAskInFull`). */
  readonly onHand: number | null;
  readonly inTransit: number | null;
  /** What the store needs: what it asked, held to the room below its ideal stock when one is set. */
  readonly need: number;
  /** The most packs it may take: its need rounded up to whole packs. */
  readonly maxPacks: number;
  readonly outcome: AllocationOutcome;
  /** Its proportional share of what was left, in units, before rounding to packs (`proportional` only). */
  readonly shareUnits: number | null;
}

export interface StoreAllocation {
  readonly storeId: string;
  readonly packs: number;
  readonly quantity: number;
  readonly why: AllocationWhy;
}

export interface ProductAllocation {
  readonly productId: string;
  readonly available: number;
  readonly packSize: number;
  /** Units sent in all: never more than `available`. */
  readonly allocated: number;
  /** Stores in the order they were served: by priority, then by store id. */
  readonly stores: readonly StoreAllocation[];
}

export class AllocationInputError extends RangeError {}

const wholeAtLeast = (value: number, least: number) => Number.isSafeInteger(value) && value >= least;

function check(input: AllocationInput): void {
  const fail = (message: string) => {
    throw new AllocationInputError(`product ${input.productId}: ${message}`);
  };
  if (!wholeAtLeast(input.available, 0)) fail(`available must be a whole number of units, 0 or more (got ${input.available})`);
  if (!wholeAtLeast(input.packSize, 1)) fail(`the pack size must be a whole number, 1 or more (got ${input.packSize})`);
  for (const c of input.claims) {
    if (!wholeAtLeast(c.priority, 1)) fail(`store ${c.storeId}: priority must be a whole number, 1 or more`);
    if (c.asked !== null && !wholeAtLeast(c.asked, 0)) fail(`store ${c.storeId}: what it asked must be a whole number, 0 or more`);
    if (c.ideal !== null && !wholeAtLeast(c.ideal, 0)) fail(`store ${c.storeId}: its ideal stock must be a whole number, 0 or more`);
    if (!Number.isSafeInteger(c.onHand)) fail(`store ${c.storeId}: stock on hand must be a whole number`);
    if (!wholeAtLeast(c.inTransit, 0)) fail(`store ${c.storeId}: stock in transit must be a whole number, 0 or more`);
    if (c.asked === null && c.ideal === null) fail(`store ${c.storeId}: neither asked nor has an ideal stock`);
  }
}

/** What a store needs: what it asked, held to the room below its ideal stock (less what is on hand and on the way) when one is set. */
export function needOf(claim: Pick<AllocationClaim, 'asked' | 'ideal' | 'onHand' | 'inTransit'>): number {
  const room = claim.ideal === null ? null : Math.max(0, claim.ideal - Math.max(0, claim.onHand) - claim.inTransit);
  if (claim.asked === null) return room ?? 0;
  return room === null ? claim.asked : Math.min(claim.asked, room);
}

interface Entry {
  readonly claim: AllocationClaim;
  readonly need: number;
  readonly maxPacks: number;
  packs: number;
  outcome: AllocationOutcome;
  shareUnits: number | null;
}

const byStore = (a: Entry, b: Entry): number => (a.claim.storeId < b.claim.storeId ? -1 : a.claim.storeId > b.claim.storeId ? 1 : 0);

/**
 * Shares `packs` among stores of one priority that together need more, in proportion to need and
 * never beyond a store's most packs: a store whose share reaches its most takes its most, and the
 * rest is shared again among the others. The last shares are whole packs by the largest
 * remainder, ties to the larger need, then to the smaller store id. Exact: shares are compared as
 * fractions of whole numbers.
 */
function shareShort(entries: Entry[], packs: number, packSize: number): void {
  let left = packs;
  let open = entries.filter((e) => e.need > 0);
  for (;;) {
    const total = open.reduce((sum, e) => sum + e.need, 0);
    // A share reaching a store's most: left × need / total ≥ maxPacks.
    const capped = open.filter((e) => left * e.need >= e.maxPacks * total);
    if (capped.length === 0) break;
    for (const e of capped) {
      e.packs = e.maxPacks;
      e.outcome = 'full';
      left -= e.maxPacks;
    }
    open = open.filter((e) => !capped.includes(e));
  }
  const total = open.reduce((sum, e) => sum + e.need, 0);
  const parts = open.map((e) => ({ entry: e, floor: Math.floor((left * e.need) / total), remainder: (left * e.need) % total }));
  for (const p of parts) {
    p.entry.packs = p.floor;
    p.entry.outcome = 'proportional';
    p.entry.shareUnits = (left * p.entry.need * packSize) / total;
  }
  let rest = left - parts.reduce((sum, p) => sum + p.floor, 0);
  parts.sort((a, b) => b.remainder - a.remainder || b.entry.need - a.entry.need || byStore(a.entry, b.entry));
  for (const p of parts) {
    if (rest === 0) break;
    p.entry.packs += 1;
    rest -= 1;
  }
}

/**
 * Allocates one product: priorities in turn (1 first), each served in full while the packs last;
 * the first priority that cannot be shares what is left in proportion to need (`shareShort`), and
 * later priorities get nothing. Only whole packs go out, so units short of a pack stay at the
 * source. The same input gives the same result in any order of claims.
 */
export function allocateProduct(input: AllocationInput): ProductAllocation {
  check(input);
  const entries: Entry[] = input.claims.map((claim) => {
    const need = needOf(claim);
    return { claim, need, maxPacks: Math.ceil(need / input.packSize), packs: 0, outcome: need === 0 ? 'no_need' : 'none_left', shareUnits: null };
  });
  // By store id, where a store claiming twice shows as two neighbours; then by priority, the sort keeping store order within one.
  entries.sort(byStore);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.claim.storeId === entries[i - 1]!.claim.storeId) throw new AllocationInputError(`product ${input.productId}: store ${entries[i]!.claim.storeId} claims twice`);
  }
  entries.sort((a, b) => a.claim.priority - b.claim.priority);

  let packsLeft = Math.floor(input.available / input.packSize);
  for (let start = 0; start < entries.length; ) {
    let end = start;
    while (end < entries.length && entries[end]!.claim.priority === entries[start]!.claim.priority) end++;
    const tier = entries.slice(start, end);
    const wanted = tier.reduce((sum, e) => sum + e.maxPacks, 0);
    if (wanted <= packsLeft) {
      for (const e of tier) {
        if (e.need === 0) continue;
        e.packs = e.maxPacks;
        e.outcome = 'full';
      }
      packsLeft -= wanted;
    } else if (packsLeft > 0) {
      shareShort(tier, packsLeft, input.packSize);
      packsLeft = 0;
    }
    start = end;
  }

  const stores = entries.map((e): StoreAllocation => ({
    storeId: e.claim.storeId,
    packs: e.packs,
    quantity: e.packs * input.packSize,
    why: {
      priority: e.claim.priority, asked: e.claim.asked, ideal: e.claim.ideal, onHand: e.claim.onHand, inTransit: e.claim.inTransit,
      need: e.need, maxPacks: e.maxPacks, outcome: e.outcome, shareUnits: e.outcome === 'proportional' ? e.shareUnits : null,
    },
  }));
  return { productId: input.productId, available: input.available, packSize: input.packSize, allocated: stores.reduce((sum, s) => sum + s.quantity, 0), stores };
}

/**
 * Whether a source serves every store all it asked without weighing one claim against another:
 * when the packs the asks come to, each ask rounded up to whole packs, fit in the whole packs it
 * holds. A store's need is never more than it asked, so every priority is then served in full,
 * whatever the stores hold or would ideally hold. `packsAsked` may count a store's asks one by one
 * (rounding each up), for that is never less than rounding their sum.
 */
export function servesEveryAskInFull(available: number, packSize: number, packsAsked: number): boolean {
  return packsAsked <= Math.floor(available / packSize);
}

/**
 * What a store gets of a product whose source serves every ask in full (`servesEveryAskInFull`)
 * and for which it has no ideal stock: all it asked, rounded up to whole packs, the same as
 * `allocateProduct` gives it, explained without the stock the rules had no need of.
 */
export function allocationInFull(claim: { readonly storeId: string; readonly priority: number; readonly asked: number }, packSize: number): StoreAllocation {
  const packs = Math.ceil(claim.asked / packSize);
  return {
    storeId: claim.storeId, packs, quantity: packs * packSize,
    why: { priority: claim.priority, asked: claim.asked, ideal: null, onHand: null, inTransit: null, need: claim.asked, maxPacks: packs, outcome: claim.asked === 0 ? 'no_need' : 'full', shareUnits: null },
  };
}

export interface AllocationProblem {
  readonly storeId: string | null;
  readonly code: 'NOT_WHOLE_PACKS' | 'MORE_THAN_AVAILABLE' | 'NEGATIVE' | 'UNKNOWN_STORE';
  readonly message: string;
}

/**
 * Checks a manager's changes to an allocation before it ships: each store's quantity whole packs
 * and not negative, every store one the allocation knows, and the total no more than the source
 * holds. An empty list means it may ship.
 */
export function checkAdjustedAllocation(allocation: { available: number; packSize: number; storeIds: readonly string[] }, quantities: ReadonlyMap<string, number>): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  const known = new Set(allocation.storeIds);
  let total = 0;
  for (const [storeId, quantity] of quantities) {
    if (!known.has(storeId)) problems.push({ storeId, code: 'UNKNOWN_STORE', message: `store ${storeId} has no claim in this allocation` });
    else if (!Number.isSafeInteger(quantity) || quantity < 0) problems.push({ storeId, code: 'NEGATIVE', message: `store ${storeId}: the quantity must be a whole number, 0 or more` });
    else if (quantity % allocation.packSize !== 0) problems.push({ storeId, code: 'NOT_WHOLE_PACKS', message: `store ${storeId}: ${quantity} is not whole packs of ${allocation.packSize}` });
    else total += quantity;
  }
  if (total > allocation.available) problems.push({ storeId: null, code: 'MORE_THAN_AVAILABLE', message: `${total} allocated in all, more than the ${allocation.available} on hand` });
  return problems;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A store's allocation in words, as the office explains it: "asked 24, ideal 30, had 8; got 12 = 2 packs of 6: proportional share 11.3 rounded to packs". */
export function allocationWhyText(s: StoreAllocation, packSize: number, locale: 'en' | 'zh-CN'): string {
  const w = s.why;
  if (locale === 'zh-CN') {
    const facts = [w.asked === null ? null : `要货 ${w.asked}`, w.ideal === null ? null : `理想库存 ${w.ideal}`, w.onHand === null ? null : `现有 ${w.onHand}`, w.inTransit ? `在途 ${w.inTransit}` : null].filter(Boolean).join('，');
    const got = `配 ${s.quantity} = ${s.packs} 箱 × ${packSize}`;
    const how = { full: '按需配足', proportional: `按需求比例应得 ${round1(w.shareUnits ?? 0)}，按整箱取整`, none_left: `优先级 ${w.priority} 之前已配完`, no_need: '无需补货' }[w.outcome];
    return `${facts}；${got}：${how}`;
  }
  const facts = [w.asked === null ? null : `asked ${w.asked}`, w.ideal === null ? null : `ideal ${w.ideal}`, w.onHand === null ? null : `had ${w.onHand}`, w.inTransit ? `${w.inTransit} on the way` : null].filter(Boolean).join(', ');
  const got = `got ${s.quantity} = ${s.packs} ${s.packs === 1 ? 'pack' : 'packs'} of ${packSize}`;
  const how = { full: 'its need in full', proportional: `proportional share ${round1(w.shareUnits ?? 0)} rounded to packs`, none_left: `nothing left for priority ${w.priority}`, no_need: 'it needs none' }[w.outcome];
  return `${facts}; ${got}: ${how}`;
}
