import { minor, type Minor } from '../money/money';
import { prorate } from '../money/prorate';
import type { CommissionPlan, CommissionRate, PoolShareRule } from '../schemas/commission';
import type { LineClerkShare } from '../schemas/sales';
import { commissionRuleFor, planOn, type MatchedOn, type RuleChoice, type RuleSubject } from './commission-rules';

/** Who a commission is paid to: a clerk (私拥), or a pool (公拥) of a counter or of a whole store, divided among its clerks on duty. */
export type Beneficiary = { readonly kind: 'clerk'; readonly id: string } | { readonly kind: 'pool'; readonly id: string };

export const beneficiaryKey = (b: Beneficiary): string => `${b.kind}:${b.id}`;

/** A sold line as commission reads it, from the sales ledger at HQ. */
export interface CommissionSaleLine {
  readonly saleId: string;
  readonly lineId: string;
  readonly lineNo: number;
  readonly businessDate: string;
  /** When the sale was completed (ISO): lines are paid in this order, which decides where a tier is crossed. */
  readonly completedAt: string;
  readonly subject: RuleSubject;
  readonly quantity: number;
  readonly netMinor: number;
  /** The product's cost price per unit when it was sold; null when master data holds none. */
  readonly unitCostMinor: number | null;
  readonly gift: boolean;
  readonly discounted: boolean;
  /** The tags of the sale's member: a tag the plan names as staff's excludes the line. */
  readonly memberTags: readonly string[];
  /** The pool the line pays when it is pooled or no clerk sold it: its counter's at the store, else the store's own. */
  readonly poolId: string;
  readonly shares: readonly LineClerkShare[];
}

/** What a line paid in an earlier period, for a return of it in this one. */
export interface EarlierLine {
  readonly quantity: number;
  readonly netMinor: number;
  readonly poolId: string;
  readonly shares: readonly LineClerkShare[];
  /** Quantity returned of it before this run. */
  readonly returnedBefore: number;
  /** What it paid, by beneficiary, as its period settled it. */
  readonly paid: readonly { readonly beneficiary: Beneficiary; readonly amountMinor: number }[];
  /** Whether it counted toward the month's sales (it was not excluded). */
  readonly counted: boolean;
}

/** A line coming back: it takes back what the line it returns paid, in proportion to the quantity (clawback). */
export interface CommissionReturnLine {
  readonly returnId: string;
  readonly returnLineId: string;
  readonly businessDate: string;
  readonly completedAt: string;
  readonly saleLineId: string;
  readonly quantity: number;
  /** What the customer got back for it: the month's sales drop by it. */
  readonly amountMinor: number;
  /** The returned line when it was sold before this run (null: it is among this run's lines). */
  readonly earlier: EarlierLine | null;
}

/** A clerk on duty in a pool on a day (出勤), with the minutes they worked. */
export interface DutyEntry {
  readonly poolId: string;
  readonly clerkId: string;
  readonly date: string;
  readonly minutes: number;
}

export interface CommissionInput {
  readonly plans: readonly CommissionPlan[];
  /** Each clerk's grade (null: none). */
  readonly grades: ReadonlyMap<string, string | null>;
  readonly lines: readonly CommissionSaleLine[];
  readonly returns: readonly CommissionReturnLine[];
  /** Monthly targets (销售目标) of clerks and of pools (a counter's, or a store's). */
  readonly targets: { readonly clerks: ReadonlyMap<string, number>; readonly pools: ReadonlyMap<string, number> };
  readonly duty: readonly DutyEntry[];
  /** Where the month's sales stand before these lines: none for a period's own run; a closed period's figures for sales that arrived after it closed. */
  readonly startMeasures?: { readonly clerks: ReadonlyMap<string, number>; readonly pools: ReadonlyMap<string, number> };
}

export type Exclusion = 'gift' | 'discounted' | 'staff' | 'no_plan' | 'no_rule';

/** Why a line paid what it did: the rule, its rate and what the rate was taken of, or why it paid nothing. */
export type CommissionWhy =
  | { readonly excluded: Exclusion }
  | {
      readonly excluded: null;
      readonly planId: string;
      readonly ruleId: string;
      readonly ruleNo: number;
      readonly matchedOn: readonly MatchedOn[];
      readonly categoryDistance: number | null;
      readonly rate: CommissionRate;
      /** The margin was asked for but the product has no cost price: nothing to take a rate of. */
      readonly noCost: boolean;
      /** A tiered rate: the rates it was paid at, each with the part of the base paid at it (null: all of it, at one rate). */
      readonly tiers: readonly { readonly bp: number; readonly baseMinor: Minor | null }[] | null;
      /** A tiered rate whose measure has no target this month: paid at the first tier. */
      readonly noTarget: boolean;
    };

export interface LineCommission {
  readonly saleId: string;
  readonly lineId: string;
  readonly businessDate: string;
  readonly beneficiary: Beneficiary;
  /** The clerk who sold this share of the line (null: no clerk did). */
  readonly clerkId: string | null;
  readonly shareBp: number;
  /** The share of the line's net this part stands for. */
  readonly netMinor: Minor;
  /** What the rate was taken of: the net or margin share, or the units for a fixed amount per unit. */
  readonly baseMinor: Minor;
  readonly amountMinor: Minor;
  readonly why: CommissionWhy;
}

export interface Clawback {
  readonly returnId: string;
  readonly returnLineId: string;
  readonly saleLineId: string;
  readonly businessDate: string;
  readonly beneficiary: Beneficiary;
  readonly amountMinor: Minor;
}

/** A pool's takings of one day (its lines less what returns took back), divided among the clerks on duty that day. */
export interface PoolDay {
  readonly poolId: string;
  readonly date: string;
  readonly amountMinor: Minor;
  readonly rule: PoolShareRule;
  readonly parts: readonly { readonly clerkId: string; readonly weight: number; readonly amountMinor: Minor }[];
  /** What no one on duty took: the day had no duty recorded for the pool. */
  readonly unassignedMinor: Minor;
}

export interface CommissionOutcome {
  readonly lines: readonly LineCommission[];
  readonly clawbacks: readonly Clawback[];
  readonly poolDays: readonly PoolDay[];
  /** The month's sales at the end of the run, of each clerk and pool, as the tiers measure them. */
  readonly measures: { readonly clerks: ReadonlyMap<string, number>; readonly pools: ReadonlyMap<string, number> };
}

const BP = 10_000n;

/** `numerator / denominator` rounded half away from zero, in exact integers. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** `amount × bp / 10000` rounded half away from zero; in plain numbers while they stay exact, as they do for any sale. */
function ofRate(amount: number, bp: number): number {
  const product = Math.abs(amount) * bp;
  if (product > 2 ** 50) return Number(divRound(BigInt(amount) * BigInt(bp), BP));
  const q = Math.floor((2 * product + 10_000) / 20_000);
  return amount < 0 ? -q : q;
}

/** The money each tier starts at, its share of the target; kept per rate and target, as every line of the month asks again. */
const thresholdCache = new WeakMap<object, Map<number, number[]>>();
function thresholds(rate: Extract<CommissionRate, { kind: 'tiered' }>, target: number): number[] {
  const byTarget = thresholdCache.get(rate) ?? new Map<number, number[]>();
  thresholdCache.set(rate, byTarget);
  let steps = byTarget.get(target);
  if (!steps) {
    steps = rate.tiers.map((t) => Number(divRound(BigInt(target) * BigInt(t.fromTargetBp), BP)));
    byTarget.set(target, steps);
  }
  return steps;
}

/** The tier a measure stands in: the last whose threshold it has reached (the first, for a month that returns took below nothing). */
function tierAt(rate: Extract<CommissionRate, { kind: 'tiered' }>, measure: number, target: number | undefined): number {
  if (target === undefined) return 0;
  return Math.max(0, thresholds(rate, target).findLastIndex((step) => measure >= step));
}

/** The part of a sale that moved the measure from `before` to `after` falling into each tier (sums of fen: exact in plain numbers). */
function tierParts(rate: Extract<CommissionRate, { kind: 'tiered' }>, before: number, after: number, target: number): number[] {
  const steps = thresholds(rate, target);
  const low = Math.min(before, after);
  const high = Math.max(before, after);
  return steps.map((step, i) => {
    const from = i === 0 ? low : Math.max(step, low);
    const to = Math.min(steps[i + 1] ?? high, high);
    return to > from ? to - from : 0;
  });
}

/** The tier a span of the month's sales lies in whole (the tier it stands in, for no span), or null when it crosses a step. */
function tierOfSpan(rate: Extract<CommissionRate, { kind: 'tiered' }>, low: number, high: number, target: number): number | null {
  const steps = thresholds(rate, target);
  let tier = 0;
  while (tier + 1 < steps.length && steps[tier + 1]! <= low) tier += 1;
  return tier + 1 < steps.length && steps[tier + 1]! < high ? null : tier;
}

/** Splits an amount by basis-point shares; one share takes it all without the arithmetic. */
const byShares = (shares: readonly { shareBp: number }[], amount: number): Minor[] =>
  shares.length === 1 ? [minor(amount)] : prorate(shares.map((c) => c.shareBp), minor(amount));

/** A line paid on the whole month's tier, waiting for the month to end: where its entry is, and what explains it. */
interface Pending {
  readonly index: number;
  readonly rate: Extract<CommissionRate, { kind: 'tiered' }>;
  readonly measure: { readonly kind: 'clerks' | 'pools'; readonly id: string };
  readonly plan: CommissionPlan;
  readonly choice: RuleChoice;
  readonly noCost: boolean;
  readonly noTarget: boolean;
}

/** A sale line or a return line at the moment it was completed: a sale's lines in line order, a return's by line id. */
interface Timed {
  readonly at: string;
  readonly id: string;
  readonly part: number | string;
  readonly sale: CommissionSaleLine | null;
  readonly back: CommissionReturnLine | null;
}

const byTime = (a: Timed, b: Timed) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : a.part < b.part ? -1 : a.part > b.part ? 1 : 0;

/** A line no clerk sold: the whole of it to its pool. */
const nobody: readonly { clerkId: string | null; shareBp: number }[] = [{ clerkId: null, shareBp: 10_000 }];

const eventOrder = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Why a line earns nothing and does not count toward the month's sales under `plan` (the plan of its day), or null when it does. */
export function commissionExclusion(plan: CommissionPlan | null, line: Pick<CommissionSaleLine, 'gift' | 'discounted' | 'memberTags'>): Exclusion | null {
  if (plan === null) return 'no_plan';
  if (line.gift && plan.exclusions.gifts) return 'gift';
  if (line.discounted && !line.gift && plan.exclusions.discounted) return 'discounted';
  if (line.memberTags.some((tag) => plan.exclusions.staffTags.includes(tag))) return 'staff';
  return null;
}

/**
 * Commission of a run of sales and returns (营业员提成), as HQ works it out for a period from the
 * sales ledger. Deterministic: the same input gives the same figures, whatever order it came in.
 *
 * - Each line pays per clerk share by the most specific rule of the plan of its business day; a
 *   pooled rule, or a line no clerk sold, pays the line's pool instead.
 * - A percentage is of the share's net or gross margin (net less the cost at the time of sale,
 *   never below zero); a fixed amount per unit is split by the shares; each part is rounded to the
 *   fen once, and shares and pools split with the largest remainder so the parts add up.
 * - A tiered rate reads the month's sales of the clerk (or the pool) against its target, in the
 *   order sales were completed: `whole` pays every line at the tier reached at the end; `above`
 *   pays the part of a sale beyond a step at that step's rate, so a tier can be crossed in the
 *   middle of a sale. Returns lower the month's sales where they fall.
 * - A return takes back what the returned line paid, in proportion to the quantity returned, in
 *   its own run, from whoever it paid; a line returned in parts is taken back whole at the end.
 * - A pool's takings of each day are divided among the clerks on duty that day by the plan's rule.
 */
export function computeCommission(input: CommissionInput): CommissionOutcome {
  const measures = {
    clerks: new Map(input.startMeasures?.clerks ?? []),
    pools: new Map(input.startMeasures?.pools ?? []),
  };
  /** Moves a clerk's or a pool's month by `by`; where it stood before. */
  const bump = (kind: 'clerks' | 'pools', id: string, by: number): number => {
    const before = measures[kind].get(id) ?? 0;
    measures[kind].set(id, before + by);
    return before;
  };

  const out: LineCommission[] = [];
  const pending: Pending[] = [];
  // Where each line's entries sit in `out` (they are pushed one after the other), for the returns of it.
  const saleIndex = new Map<string, { line: CommissionSaleLine; first: number; count: number; counted: boolean }>();
  // One object per clerk and per pool, shared by their entries: a month has millions of them.
  const beneficiaries = { clerk: new Map<string, Beneficiary>(), pool: new Map<string, Beneficiary>() };
  const beneficiaryOf = (kind: 'clerk' | 'pool', id: string): Beneficiary => {
    const known = beneficiaries[kind].get(id);
    if (known) return known;
    const made: Beneficiary = kind === 'clerk' ? { kind: 'clerk', id } : { kind: 'pool', id };
    beneficiaries[kind].set(id, made);
    return made;
  };
  // A month sells the same products by the same grades over and over: each choice is made once per product as the ledger gives it.
  const choices = new Map<RuleSubject, Map<CommissionPlan, Map<string | null, RuleChoice | null>>>();
  const ruleFor = (plan: CommissionPlan, subject: RuleSubject, grade: string | null): RuleChoice | null => {
    let ofSubject = choices.get(subject);
    if (!ofSubject) choices.set(subject, (ofSubject = new Map()));
    let ofPlan = ofSubject.get(plan);
    if (!ofPlan) ofSubject.set(plan, (ofPlan = new Map()));
    let choice = ofPlan.get(grade);
    if (choice === undefined) {
      choice = commissionRuleFor(plan, subject, grade);
      ofPlan.set(grade, choice);
    }
    return choice;
  };
  // The explanation of a line paid by one choice at one rate is the same for every line so paid: made once, kept by the choice.
  const whys = new Map<RuleChoice, Map<number, CommissionWhy>>();
  const returnedInRun = new Map<string, number>();

  const events: Timed[] = [];
  for (const line of input.lines) events.push({ at: line.completedAt, id: line.saleId, part: line.lineNo, sale: line, back: null });
  for (const line of input.returns) events.push({ at: line.completedAt, id: line.returnId, part: line.returnLineId, sale: null, back: line });
  events.sort(byTime);


  function whyOf(plan: CommissionPlan, choice: RuleChoice, noCost: boolean, tierBp: number | null, noTarget: boolean): CommissionWhy {
    let ofChoice = whys.get(choice);
    if (!ofChoice) whys.set(choice, (ofChoice = new Map()));
    const key = ((tierBp ?? -1) + 1) * 4 + (noCost ? 1 : 0) + (noTarget ? 2 : 0);
    const known = ofChoice.get(key);
    if (known) return known;
    const made: CommissionWhy = {
      excluded: null, planId: plan.id, ruleId: choice.rule.id, ruleNo: choice.ruleNo, matchedOn: choice.matchedOn, categoryDistance: choice.categoryDistance, rate: choice.rule.rate,
      noCost, tiers: tierBp === null ? null : [{ bp: tierBp, baseMinor: null }], noTarget,
    };
    ofChoice.set(key, made);
    return made;
  }

  /** What one share of a line pays, written into `paid` (one object for the run: a month has millions of shares). */
  const paid: { beneficiary: Beneficiary; base: number; amount: number; why: CommissionWhy } = { beneficiary: beneficiaryOf('pool', ''), base: 0, amount: 0, why: { excluded: 'no_plan' } };
  function pay(beneficiary: Beneficiary, base: number, amount: number, why: CommissionWhy): void {
    paid.beneficiary = beneficiary;
    paid.base = base;
    paid.amount = amount;
    paid.why = why;
  }

  /** One share of a line; `poolBefore` is where the line's pool stood before the line moved it by its whole net. */
  function payShare(line: CommissionSaleLine, plan: CommissionPlan, clerkId: string | null, net: Minor, margin: Minor | null, units: Minor, poolBefore: number): void {
    const clerkBefore = clerkId ? bump('clerks', clerkId, net) : poolBefore;
    const own = clerkId ? beneficiaryOf('clerk', clerkId) : beneficiaryOf('pool', line.poolId);
    const choice = ruleFor(plan, line.subject, clerkId ? (input.grades.get(clerkId) ?? null) : null);
    if (choice === null) return pay(own, 0, 0, { excluded: 'no_rule' });
    const rate = choice.rule.rate;
    const beneficiary = choice.rule.mode === 'pooled' ? beneficiaryOf('pool', line.poolId) : own;
    if (rate.kind === 'per_unit') return pay(beneficiary, units, rate.amountMinor * units, whyOf(plan, choice, false, null, false));
    const noCost = rate.basis === 'margin' && margin === null;
    const taken = rate.basis === 'net' ? net : (margin ?? 0);
    if (rate.kind === 'percent') return pay(beneficiary, taken, ofRate(taken, rate.bp), whyOf(plan, choice, noCost, null, false));
    const byClerk = rate.measure === 'clerk' && clerkId !== null;
    const target = byClerk ? input.targets.clerks.get(clerkId) : input.targets.pools.get(line.poolId);
    if (rate.apply === 'whole' || target === undefined) {
      const measure = byClerk ? { kind: 'clerks' as const, id: clerkId } : { kind: 'pools' as const, id: line.poolId };
      pending.push({ index: out.length, rate, measure, plan, choice, noCost, noTarget: target === undefined });
      return pay(beneficiary, taken, 0, whyOf(plan, choice, noCost, null, target === undefined));
    }
    const before = byClerk ? clerkBefore : poolBefore;
    const after = before + (byClerk ? net : line.netMinor);
    // Most sales stay in one tier (or did not move the month, a zero net, and are paid at the tier it stands in): one rate for all of it.
    const single = tierOfSpan(rate, Math.min(before, after), Math.max(before, after), target);
    if (single !== null) {
      const bp = rate.tiers[single]!.bp;
      return pay(beneficiary, taken, ofRate(taken, bp), whyOf(plan, choice, noCost, bp, false));
    }
    const moved = tierParts(rate, before, after, target);
    const movedTotal = moved.reduce((a, b) => a + b, 0);
    const weighted = moved.reduce((sum, w, t) => sum + BigInt(w) * BigInt(rate.tiers[t]!.bp), 0n);
    const tierBases = prorate(moved, minor(taken));
    const tiers = rate.tiers.map((t, k) => ({ bp: t.bp, baseMinor: tierBases[k]! })).filter((t) => t.baseMinor !== 0);
    const split = { ...(whyOf(plan, choice, noCost, null, false) as Extract<CommissionWhy, { excluded: null }>), tiers };
    return pay(beneficiary, taken, Number(divRound(BigInt(taken) * weighted, BigInt(movedTotal) * BP)), split);
  }

  function payLine(line: CommissionSaleLine): void {
    const plan = planOn(input.plans, line.businessDate);
    const excluded = commissionExclusion(plan, line);
    const credits = line.shares.length > 0 ? line.shares : nobody;
    const nets = byShares(credits, line.netMinor);
    const margin = line.unitCostMinor === null ? null : Math.max(0, line.netMinor - line.unitCostMinor * line.quantity);
    const margins = margin === null ? null : byShares(credits, margin);
    const units = byShares(credits, line.quantity);
    saleIndex.set(line.lineId, { line, first: out.length, count: credits.length, counted: excluded === null });
    const poolBefore = excluded === null ? bump('pools', line.poolId, line.netMinor) : 0;
    for (let i = 0; i < credits.length; i++) {
      const { clerkId, shareBp } = credits[i]!;
      if (excluded !== null || plan === null) pay(clerkId ? beneficiaryOf('clerk', clerkId) : beneficiaryOf('pool', line.poolId), 0, 0, { excluded: excluded ?? 'no_plan' });
      else payShare(line, plan, clerkId, nets[i]!, margins?.[i] ?? null, units[i]!, poolBefore);
      out.push({
        saleId: line.saleId, lineId: line.lineId, businessDate: line.businessDate, beneficiary: paid.beneficiary, clerkId, shareBp, netMinor: nets[i]!,
        baseMinor: minor(paid.base), amountMinor: minor(paid.amount), why: paid.why,
      });
    }
  }

  function lowerMeasures(back: CommissionReturnLine): void {
    const original = saleIndex.get(back.saleLineId);
    const source = original ? { counted: original.counted, poolId: original.line.poolId, shares: original.line.shares } : back.earlier;
    if (!source?.counted) return;
    bump('pools', source.poolId, -back.amountMinor);
    if (source.shares.length === 0) return;
    const backShares = prorate(source.shares.map((s) => s.shareBp), minor(back.amountMinor));
    source.shares.forEach((s, i) => bump('clerks', s.clerkId, -backShares[i]!));
  }

  for (const { sale, back } of events) {
    if (sale) payLine(sale);
    else lowerMeasures(back!);
  }

  // Whole-month tiers are paid once the month's sales are known.
  for (const p of pending) {
    const entry = out[p.index]!;
    const bp = p.rate.tiers[tierAt(p.rate, measures[p.measure.kind].get(p.measure.id) ?? 0, input.targets[p.measure.kind].get(p.measure.id))]!.bp;
    out[p.index] = { ...entry, amountMinor: minor(ofRate(entry.baseMinor, bp)), why: whyOf(p.plan, p.choice, p.noCost, bp, p.noTarget) };
  }

  const clawbacks: Clawback[] = [];
  for (const back of [...input.returns].sort((a, b) => eventOrder({ at: a.completedAt, id: a.returnLineId }, { at: b.completedAt, id: b.returnLineId }))) {
    const original = saleIndex.get(back.saleLineId);
    const paid = original
      ? out.slice(original.first, original.first + original.count).map((e) => ({ beneficiary: e.beneficiary, amountMinor: e.amountMinor as number }))
      : (back.earlier?.paid ?? []);
    const quantity = original ? original.line.quantity : (back.earlier?.quantity ?? 0);
    if (quantity <= 0) continue;
    const before = (back.earlier?.returnedBefore ?? 0) + (returnedInRun.get(back.saleLineId) ?? 0);
    const upTo = Math.min(quantity, before + back.quantity);
    returnedInRun.set(back.saleLineId, (returnedInRun.get(back.saleLineId) ?? 0) + back.quantity);
    const byBeneficiary = new Map<string, { beneficiary: Beneficiary; amount: number }>();
    for (const p of paid) {
      const key = beneficiaryKey(p.beneficiary);
      byBeneficiary.set(key, { beneficiary: p.beneficiary, amount: (byBeneficiary.get(key)?.amount ?? 0) + p.amountMinor });
    }
    for (const { beneficiary, amount } of byBeneficiary.values()) {
      const share = (n: number) => divRound(BigInt(amount) * BigInt(n), BigInt(quantity));
      const taken = Number(share(upTo) - share(Math.min(quantity, before)));
      if (taken !== 0) clawbacks.push({ returnId: back.returnId, returnLineId: back.returnLineId, saleLineId: back.saleLineId, businessDate: back.businessDate, beneficiary, amountMinor: minor(-taken) });
    }
  }

  return { lines: out, clawbacks, poolDays: dividePools(input, out, clawbacks), measures };
}

/** Each pool's takings per day, divided among the clerks on duty that day by the rule of the plan of that day. */
function dividePools(input: CommissionInput, lines: readonly LineCommission[], clawbacks: readonly Clawback[]): PoolDay[] {
  const days = new Map<string, { poolId: string; date: string; amount: number }>();
  const add = (poolId: string, date: string, amount: number) => {
    const key = `${poolId}|${date}`;
    days.set(key, { poolId, date, amount: (days.get(key)?.amount ?? 0) + amount });
  };
  for (const l of lines) if (l.beneficiary.kind === 'pool' && l.amountMinor !== 0) add(l.beneficiary.id, l.businessDate, l.amountMinor);
  for (const c of clawbacks) if (c.beneficiary.kind === 'pool') add(c.beneficiary.id, c.businessDate, c.amountMinor);

  // A clerk on duty twice in a day (two spells) is one clerk with the minutes of both.
  const duty = new Map<string, Map<string, number>>();
  for (const d of input.duty) {
    if (d.minutes <= 0) continue;
    const key = `${d.poolId}|${d.date}`;
    const clerks = duty.get(key) ?? new Map<string, number>();
    clerks.set(d.clerkId, (clerks.get(d.clerkId) ?? 0) + d.minutes);
    duty.set(key, clerks);
  }

  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, day]) => {
      const plan = planOn(input.plans, day.date);
      const rule = plan?.poolShare ?? 'equal';
      const onDuty = [...(duty.get(key) ?? new Map<string, number>())].map(([clerkId, minutes]) => ({ clerkId, minutes })).sort((a, b) => (a.clerkId < b.clerkId ? -1 : a.clerkId > b.clerkId ? 1 : 0));
      const weights = onDuty.map((d) =>
        rule === 'hours' ? d.minutes : rule === 'grade' ? (plan?.gradeWeights[input.grades.get(d.clerkId) ?? ''] ?? 1) : 1,
      );
      const amounts = onDuty.length === 0 ? [] : prorate(weights, minor(day.amount));
      return {
        poolId: day.poolId,
        date: day.date,
        amountMinor: minor(day.amount),
        rule,
        parts: onDuty.map((d, i) => ({ clerkId: d.clerkId, weight: weights[i]!, amountMinor: amounts[i]! })),
        unassignedMinor: minor(onDuty.length === 0 ? day.amount : 0),
      };
    });
}
