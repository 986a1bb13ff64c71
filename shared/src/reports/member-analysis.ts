import { wholeMonthsSince } from '../member-messages/care-reminder';
import { minor } from '../money/money';
import { prorate } from '../money/prorate';
import { addDays } from '../points/points-expiry';
import type { MemberAnalysis, MemberLifecycle, RfmScores, ValueClass, ValueClassFigures } from '../schemas/member-analysis';

/**
 * A member's purchases in the stores in view: over the period, the tickets and the spend (sales
 * less what returns in the period took back); up to its last day, the first and last purchase.
 */
export interface MemberActivity {
  memberId: string;
  tickets: number;
  spendMinor: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
}

/** Where classes A and B end, as shares of the spend in basis points: A the first 80%, B up to 95%, C the rest. */
export interface ClassThresholds {
  classAUpToBp: number;
  classBUpToBp: number;
}

/** A member is new while their first purchase is under `newDays` old, lapsing and lost after that many whole months without one. */
export interface LifecycleThresholds {
  newDays: number;
  lapsingMonths: number;
  lostMonths: number;
}

export const defaultClassThresholds: ClassThresholds = { classAUpToBp: 8_000, classBUpToBp: 9_500 };
export const defaultLifecycleThresholds: LifecycleThresholds = { newDays: 30, lapsingMonths: 3, lostMonths: 6 };

const byId = (a: { memberId: string }, b: { memberId: string }) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

/**
 * Each member's class, by their place in `members` (null without spend above zero), classed A, B
 * or C (Pareto): biggest spend first, a member is A while the spend before them is under
 * `classAUpToBp` of the total (so the one who crosses it is A), B while it is under
 * `classBUpToBp`, C after. Equal spends go by member id, so a tie on a boundary always falls the
 * same way.
 */
function classesInPlace(members: readonly Pick<MemberActivity, 'memberId' | 'spendMinor'>[], thresholds: ClassThresholds): (ValueClass | null)[] {
  const spenders: number[] = [];
  let total = 0;
  members.forEach((m, place) => {
    if (m.spendMinor <= 0) return;
    spenders.push(place);
    total += m.spendMinor;
  });
  const spend = Float64Array.from(members, (m) => m.spendMinor);
  spenders.sort((a, b) => spend[b]! - spend[a]!);
  // Equal spends by member id: only the runs of equal spends are put in order, as ids are costly to compare.
  for (let start = 0, end = 1; start < spenders.length; start = end, end = start + 1) {
    while (end < spenders.length && spend[spenders[end]!] === spend[spenders[start]!]) end += 1;
    if (end - start === 1) continue;
    const run = spenders.slice(start, end).sort((a, b) => byId(members[a]!, members[b]!));
    run.forEach((place, i) => { spenders[start + i] = place; });
  }
  const classes = new Array<ValueClass | null>(members.length).fill(null);
  // Exact: plain numbers while the sums times 10000 stay integers a double holds, else big integers.
  const exact = total * 10_000 <= Number.MAX_SAFE_INTEGER;
  const bigTotal = exact ? 0n : spenders.reduce((sum, place) => sum + BigInt(members[place]!.spendMinor), 0n);
  const [aEnd, bEnd] = exact ? [thresholds.classAUpToBp * total, thresholds.classBUpToBp * total] : [BigInt(thresholds.classAUpToBp) * bigTotal, BigInt(thresholds.classBUpToBp) * bigTotal];
  let before = 0;
  let bigBefore = 0n;
  for (const place of spenders) {
    const reached = exact ? before * 10_000 : bigBefore * 10_000n;
    classes[place] = reached < aEnd ? 'A' : reached < bEnd ? 'B' : 'C';
    if (exact) before += members[place]!.spendMinor;
    else bigBefore += BigInt(members[place]!.spendMinor);
  }
  return classes;
}

/** Each member with spend above zero, classed A, B or C by `classesInPlace`'s rule; members without spend have no class. */
export function valueClasses(members: readonly Pick<MemberActivity, 'memberId' | 'spendMinor'>[], thresholds: ClassThresholds = defaultClassThresholds): Map<string, ValueClass> {
  const classes = classesInPlace(members, thresholds);
  return new Map(members.map((m, place) => [m.memberId, classes[place]!] as const).filter(([, c]) => c !== null)) as Map<string, ValueClass>;
}

/**
 * A quintile score for each value: 1 + ⌊5 × (values strictly lower) ÷ values⌋. Equal values
 * share a score (the one of the lowest place among them), so a score never depends on an order the
 * data does not have; 5 needs a value above at least four fifths of the others.
 */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return values.map((value) => 1 + Math.floor((5 * lowerBound(sorted, value)) / values.length));
}

/** How many of the sorted values are below `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A `YYYY-MM-DD` day as a number in the same order (2026-11-05 is 20261105). */
const dayNumber = (day: string) => Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));

/** RFM scores by place in `members` (null for those who did not buy in the period): a later last purchase, more tickets and more spend score higher. */
function rfmInPlace(members: readonly MemberActivity[]): (RfmScores | null)[] {
  const buyers: MemberActivity[] = [];
  const places: number[] = [];
  members.forEach((m, place) => {
    if (m.tickets <= 0 || m.lastPurchase === null) return;
    buyers.push(m);
    places.push(place);
  });
  const recency = quintileScores(buyers.map((m) => dayNumber(m.lastPurchase!)));
  const frequency = quintileScores(buyers.map((m) => m.tickets));
  const monetary = quintileScores(buyers.map((m) => m.spendMinor));
  const scores = new Array<RfmScores | null>(members.length).fill(null);
  places.forEach((place, i) => { scores[place] = { recency: recency[i]!, frequency: frequency[i]!, monetary: monetary[i]! }; });
  return scores;
}

/** RFM scores of the members who bought in the period: a later last purchase, more tickets and more spend score higher. */
export function rfmScores(members: readonly MemberActivity[]): Map<string, RfmScores> {
  const scores = rfmInPlace(members);
  return new Map(members.map((m, place) => [m.memberId, scores[place]!] as const).filter(([, score]) => score !== null)) as Map<string, RfmScores>;
}

/**
 * Where a member stands on `asOf`: never bought; lost or lapsing after that many whole months
 * since their last purchase (counted as care reminders count them); new while their first
 * purchase is under `newDays` days old; else active. Lapsing and lost come before new.
 */
export function lifecycleOf(member: Pick<MemberActivity, 'firstPurchase' | 'lastPurchase'>, asOf: string, thresholds: LifecycleThresholds = defaultLifecycleThresholds): MemberLifecycle {
  return lifecycleJudge(asOf, thresholds)(member);
}

/** `lifecycleOf` for many members on one day: the day's arithmetic done once, and once per last-purchase day. */
function lifecycleJudge(asOf: string, thresholds: LifecycleThresholds): (member: Pick<MemberActivity, 'firstPurchase' | 'lastPurchase'>) => MemberLifecycle {
  const newAfter = addDays(asOf, -thresholds.newDays);
  const monthsAway = new Map<string, number>();
  return ({ firstPurchase, lastPurchase }) => {
    if (firstPurchase === null || lastPurchase === null) return 'never';
    let months = monthsAway.get(lastPurchase);
    if (months === undefined) monthsAway.set(lastPurchase, (months = wholeMonthsSince(lastPurchase, asOf)));
    if (months >= thresholds.lostMonths) return 'lost';
    if (months >= thresholds.lapsingMonths) return 'lapsing';
    return firstPurchase > newAfter ? 'new' : 'active';
  };
}

export interface AnalysedActivity extends MemberActivity {
  valueClass: ValueClass | null;
  rfm: RfmScores | null;
  lifecycle: MemberLifecycle;
}

/** Every member's class, RFM scores and lifecycle state on `asOf`, the last day of the period. */
export function analyseMembers(members: readonly MemberActivity[], asOf: string, thresholds: ClassThresholds & LifecycleThresholds): AnalysedActivity[] {
  const classes = classesInPlace(members, thresholds);
  const rfm = rfmInPlace(members);
  const lifecycle = lifecycleJudge(asOf, thresholds);
  // Written out rather than spread: a spread copy costs ten times as much at a chain's 100,000 members.
  return members.map((m, place) => ({
    memberId: m.memberId, tickets: m.tickets, spendMinor: m.spendMinor, firstPurchase: m.firstPurchase, lastPurchase: m.lastPurchase,
    valueClass: classes[place]!, rfm: rfm[place]!, lifecycle: lifecycle(m),
  }));
}

const classOrder: readonly ValueClass[] = ['A', 'B', 'C'];
const lifecycleOrder: readonly MemberLifecycle[] = ['new', 'active', 'lapsing', 'lost', 'never'];

/** The counts and sums the report shows: each class with its share (the shares add up to 10000), the RFM scores' spread and the lifecycle states. */
export function summariseAnalysis(analysed: readonly AnalysedActivity[]): Omit<MemberAnalysis, 'from' | 'to' | 'wholeChain'> {
  const byClass = Object.fromEntries(classOrder.map((c) => [c, { valueClass: c, members: 0, tickets: 0, spendMinor: 0 }])) as Record<ValueClass, Omit<ValueClassFigures, 'spendShareBp' | 'memberShareBp'>>;
  const byState = Object.fromEntries(lifecycleOrder.map((state) => [state, 0])) as Record<MemberLifecycle, number>;
  const spread = { recency: [0, 0, 0, 0, 0], frequency: [0, 0, 0, 0, 0], monetary: [0, 0, 0, 0, 0] };
  let scored = 0;
  for (const m of analysed) {
    byState[m.lifecycle] += 1;
    if (m.valueClass) {
      const figures = byClass[m.valueClass];
      figures.members += 1;
      figures.tickets += m.tickets;
      figures.spendMinor += m.spendMinor;
    }
    if (m.rfm) {
      scored += 1;
      for (const key of ['recency', 'frequency', 'monetary'] as const) spread[key][m.rfm[key] - 1]! += 1;
    }
  }
  const figures = classOrder.map((c) => byClass[c]);
  // Basis points split as money is, so the shares add up to the whole.
  const shares = (weights: number[]) => prorate(weights, minor(weights.some((w) => w > 0) ? 10_000 : 0));
  const [spendShares, memberShares] = [shares(figures.map((c) => c.spendMinor)), shares(figures.map((c) => c.members))];
  const classes: ValueClassFigures[] = figures.map((c, i) => ({ ...c, spendShareBp: spendShares[i]!, memberShareBp: memberShares[i]! }));
  const counts = (key: keyof RfmScores) => spread[key].map((members, i) => ({ score: i + 1, members }));
  return {
    members: analysed.length,
    classes,
    classified: { members: sumOf(classes, 'members'), tickets: sumOf(classes, 'tickets'), spendMinor: sumOf(classes, 'spendMinor') },
    rfm: { members: scored, recency: counts('recency'), frequency: counts('frequency'), monetary: counts('monetary') },
    lifecycle: lifecycleOrder.map((state) => ({ state, members: byState[state] })),
  };
}

const sumOf = <K extends string>(rows: readonly Record<K, number>[], key: K) => rows.reduce((n, row) => n + row[key], 0);
