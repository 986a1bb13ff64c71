/**
 * Replenishment suggestions (补货建议) for one store's product, by its rule: up to an ideal stock
 * when it falls to a minimum (理想库存补货), or one sent for each one sold (买一补一). Whole packs
 * only; every suggestion carries the facts it was made from.
 */

export type ReplenishmentPolicy = 'ideal' | 'sell_one_send_one';

export interface ReplenishmentTerms {
  readonly policy: ReplenishmentPolicy;
  readonly minQuantity: number;
  readonly maxQuantity: number;
  /** Days from asking to the goods on the shelf; 0 leaves expected sales out. */
  readonly leadTimeDays: number;
}

/** What the store holds and has coming of the product, and what it sold. Quantities in units. */
export interface ReplenishmentFacts {
  readonly onHand: number;
  /** Shipped or transferred to the store, not received. */
  readonly inTransit: number;
  /** Asked for in requisitions not shipped yet. */
  readonly asked: number;
  readonly packSize: number;
  /** Sold, less returns, since the last ask (or since the rule was set): what "sell one, send one" sends back. */
  readonly soldSinceAsked: number;
  /** Sold over the last `paceDays` days: the pace that predicts sales over the lead time. */
  readonly recentSold: number;
  readonly paceDays: number;
}

/**
 * - `suggest`: something to ask for;
 * - `above_min`: ideal stock, and what the store will hold when goods could arrive is above its min;
 * - `at_max`: the store holds (or has coming) its max already;
 * - `nothing_sold`: sell one, send one, and nothing sold since the last ask.
 */
export type ReplenishmentOutcome = 'suggest' | 'above_min' | 'at_max' | 'nothing_sold';

/** How the units needed became whole packs: `exact` when they were, `down` to stay within max, `up` otherwise. */
export type PackRounding = 'exact' | 'down' | 'up';

export interface ReplenishmentWhy {
  readonly policy: ReplenishmentPolicy;
  readonly onHand: number;
  readonly inTransit: number;
  readonly asked: number;
  /** Sold since the last ask (sell one, send one), or over `paceDays` days (ideal). */
  readonly sold: number;
  readonly paceDays: number;
  readonly leadTimeDays: number;
  /** Sales expected over the lead time at the recent pace (ideal only; 0 otherwise). */
  readonly expected: number;
  readonly min: number;
  readonly max: number;
  readonly packSize: number;
  /** Units needed before rounding to packs. */
  readonly need: number;
  readonly rounding: PackRounding | null;
  readonly outcome: ReplenishmentOutcome;
}

export interface ReplenishmentSuggestion {
  readonly packs: number;
  readonly quantity: number;
  readonly why: ReplenishmentWhy;
}

export class ReplenishmentInputError extends RangeError {}

const whole = (value: number, least: number) => Number.isSafeInteger(value) && value >= least;

function check(rule: ReplenishmentTerms, facts: ReplenishmentFacts): void {
  const fail = (message: string) => {
    throw new ReplenishmentInputError(message);
  };
  if (!whole(rule.minQuantity, 0) || !whole(rule.maxQuantity, rule.minQuantity)) fail('min must be 0 or more and max at least min');
  if (!whole(rule.leadTimeDays, 0)) fail('the lead time must be a whole number of days, 0 or more');
  if (!whole(facts.packSize, 1)) fail('the pack size must be a whole number, 1 or more');
  if (!Number.isSafeInteger(facts.onHand)) fail('stock on hand must be a whole number');
  if (!whole(facts.inTransit, 0) || !whole(facts.asked, 0)) fail('stock in transit and asked must be whole numbers, 0 or more');
  if (!Number.isSafeInteger(facts.soldSinceAsked) || !Number.isSafeInteger(facts.recentSold) || !whole(facts.paceDays, 0)) fail('sales must be whole numbers');
}

/** Sales expected over the lead time at the recent pace, rounded up: a part unit sold is a unit gone from the shelf. */
export function expectedSales(recentSold: number, paceDays: number, leadTimeDays: number): number {
  if (paceDays === 0 || leadTimeDays === 0 || recentSold <= 0) return 0;
  return Math.ceil((recentSold * leadTimeDays) / paceDays);
}

/**
 * What to ask for of one product. The store's position is what it holds (never below 0: a
 * negative level is a sale not yet booked in, not a debt to fill) plus what is on the way and
 * asked for and not shipped, so goods are never asked for twice.
 *
 * Ideal: the position less the sales expected before goods could arrive; at min or below, ask for
 * what lifts it to max. Packs: the max is a ceiling (the shelf's room), so when whole packs
 * overshoot it the suggestion rounds down, as long as what is left still lifts the stock above
 * min; otherwise (a pack bigger than the room between min and max) it rounds up, since a store at
 * its min must get goods. Either way it never passes max by a whole pack.
 *
 * Sell one, send one: what sold since the last ask, rounded up to packs (the centre sends no part
 * pack, and rounding down would forget the units sold when the next ask starts counting afresh),
 * held to the room below max, so the store's stock never climbs past max by a whole pack.
 */
export function suggestReplenishment(rule: ReplenishmentTerms, facts: ReplenishmentFacts): ReplenishmentSuggestion {
  check(rule, facts);
  const { packSize } = facts;
  const position = Math.max(0, facts.onHand) + facts.inTransit + facts.asked;
  const ideal = rule.policy === 'ideal';
  const expected = ideal ? expectedSales(facts.recentSold, facts.paceDays, rule.leadTimeDays) : 0;
  const base = {
    policy: rule.policy, onHand: facts.onHand, inTransit: facts.inTransit, asked: facts.asked, sold: Math.max(0, ideal ? facts.recentSold : facts.soldSinceAsked),
    paceDays: facts.paceDays, leadTimeDays: rule.leadTimeDays, expected, min: rule.minQuantity, max: rule.maxQuantity, packSize,
  };
  const none = (outcome: ReplenishmentOutcome, need = 0): ReplenishmentSuggestion => ({ packs: 0, quantity: 0, why: { ...base, need, rounding: null, outcome } });

  if (ideal) {
    const projected = position - expected;
    if (projected > rule.minQuantity) return none('above_min');
    const need = rule.maxQuantity - projected;
    if (need <= 0) return none('at_max');
    const down = Math.floor(need / packSize);
    const up = Math.ceil(need / packSize);
    const rounding: PackRounding = down === up ? 'exact' : down > 0 && projected + down * packSize > rule.minQuantity ? 'down' : 'up';
    const packs = rounding === 'up' ? up : down;
    return { packs, quantity: packs * packSize, why: { ...base, need, rounding, outcome: 'suggest' } };
  }

  if (base.sold === 0) return none('nothing_sold');
  const room = rule.maxQuantity - position;
  if (room <= 0) return none('at_max');
  const need = Math.min(base.sold, room);
  const packs = Math.ceil(need / packSize);
  return { packs, quantity: packs * packSize, why: { ...base, need, rounding: need % packSize === 0 ? 'exact' : 'up', outcome: 'suggest' } };
}

/**
 * A suggestion in words, as the office explains it: "on hand 8, on the way 12, asked 0; 7 expected
 * to sell over 7 days' lead time (28 sold in 28 days); min 20, max 60, pack 12 → ask 36 = 3 packs:
 * 41 to reach max, rounded down to stay within max".
 */
export function replenishmentWhyText(s: ReplenishmentSuggestion, locale: 'en' | 'zh-CN'): string {
  const w = s.why;
  const ideal = w.policy === 'ideal';
  if (locale === 'zh-CN') {
    const sales = ideal
      ? (w.expected > 0 ? `；提前期 ${w.leadTimeDays} 天预计售出 ${w.expected}（近 ${w.paceDays} 天售出 ${w.sold}）` : '')
      : `；上次要货后售出 ${w.sold}`;
    const facts = `现有 ${w.onHand}，在途 ${w.inTransit}，已要货未发 ${w.asked}${sales}；最低 ${w.min}，最高 ${w.max}，每箱 ${w.packSize}`;
    const goal = ideal ? `补到最高需 ${w.need}` : w.need < w.sold ? `补回售出，以最高库存为限需 ${w.need}` : `补回售出需 ${w.need}`;
    const how = {
      suggest: `要货 ${s.quantity} = ${s.packs} 箱：${goal}${{ exact: '', down: '，向下取整以免超过最高', up: '，按整箱向上取整' }[w.rounding ?? 'exact']}`,
      above_min: '无需补货：高于最低库存',
      at_max: '无需补货：已达最高库存',
      nothing_sold: '无需补货：上次要货后未售出',
    }[w.outcome];
    return `${facts} → ${how}`;
  }
  const sales = ideal
    ? (w.expected > 0 ? `; ${w.expected} expected to sell over ${w.leadTimeDays} days' lead time (${w.sold} sold in ${w.paceDays} days)` : '')
    : `; sold ${w.sold} since the last ask`;
  const facts = `on hand ${w.onHand}, on the way ${w.inTransit}, asked ${w.asked}${sales}; min ${w.min}, max ${w.max}, pack ${w.packSize}`;
  const goal = ideal ? `${w.need} to reach max` : w.need < w.sold ? `${w.need} of what sold, held to max` : `${w.need} to replace what sold`;
  const how = {
    suggest: `ask ${s.quantity} = ${s.packs} ${s.packs === 1 ? 'pack' : 'packs'}: ${goal}${{ exact: '', down: ', rounded down to stay within max', up: ', rounded up to whole packs' }[w.rounding ?? 'exact']}`,
    above_min: 'nothing: above min',
    at_max: 'nothing: at max already',
    nothing_sold: 'nothing: none sold since the last ask',
  }[w.outcome];
  return `${facts} → ${how}`;
}
