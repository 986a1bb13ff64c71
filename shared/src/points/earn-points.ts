import { minor } from '../money/money';
import { prorate } from '../money/prorate';
import type { Sale } from '../schemas/sales';

/** An earning rule as the engine reads it (`PointsRule` without its labels); only active rules are given. */
export interface EarnRule {
  readonly id: string;
  readonly memberLevelId: string | null;
  readonly categoryId: string | null;
  readonly rateBp: number;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** A sold line as earning sees it: its net, its category and the categories above it (nearest first), and the promotions' multiplier. */
export interface EarnLine {
  readonly lineId: string;
  readonly netMinor: number;
  readonly categoryIds: readonly string[];
  readonly multiplierBp: number;
}

export interface EarnInput {
  readonly lines: readonly EarnLine[];
  readonly memberLevelId: string;
  /** The sale's business day (YYYY-MM-DD): rules apply by their span of days. */
  readonly businessDate: string;
  /** What the sale paid with points: that part of the lines earns nothing. */
  readonly pointsPaidMinor: number;
  readonly rules: readonly EarnRule[];
}

export interface EarnedLine {
  readonly lineId: string;
  /** The line's net less its share of what points paid. */
  readonly baseMinor: number;
  readonly ruleId: string | null;
  readonly rateBp: number;
  readonly multiplierBp: number;
}

export interface Earning {
  readonly points: number;
  readonly lines: readonly EarnedLine[];
}

const BP = 10_000n;
const FEN_PER_YUAN = 100n;

/** How close a rule's category is to the line's: 0 its own, 1 its parent…; a rule for every category comes last. */
function categoryDistance(rule: EarnRule, line: EarnLine): number {
  if (rule.categoryId === null) return Number.MAX_SAFE_INTEGER;
  const at = line.categoryIds.indexOf(rule.categoryId);
  return at < 0 ? -1 : at;
}

const inSpan = (rule: EarnRule, day: string) => (rule.validFrom === null || rule.validFrom <= day) && (rule.validTo === null || day <= rule.validTo);

/**
 * The rule that decides a line's rate: among the rules for the member's level (or every level),
 * in force on the day and covering the line's category (or every category), the nearest
 * category wins, then a rule of the member's own level, then the latest start, then the id.
 */
export function ruleForLine(line: EarnLine, memberLevelId: string, businessDate: string, rules: readonly EarnRule[]): EarnRule | null {
  let best: { rule: EarnRule; key: [number, number, string, string] } | null = null;
  for (const rule of rules) {
    if (rule.memberLevelId !== null && rule.memberLevelId !== memberLevelId) continue;
    if (!inSpan(rule, businessDate)) continue;
    const distance = categoryDistance(rule, line);
    if (distance < 0) continue;
    const key: [number, number, string, string] = [distance, rule.memberLevelId === null ? 1 : 0, rule.validFrom ?? '', rule.id];
    if (best === null || isBetter(key, best.key)) best = { rule, key };
  }
  return best?.rule ?? null;
}

function isBetter(a: [number, number, string, string], b: [number, number, string, string]): boolean {
  if (a[0] !== b[0]) return a[0] < b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  if (a[2] !== b[2]) return a[2] > b[2];
  return a[3] < b[3];
}

/**
 * The points a member's sale earns (积分累计): each line's net, less its share of what points
 * paid (points spent earn nothing; stored value and every other tender earn), times the rate of
 * the line's rule and the promotions' multiplier. The exact sum over the lines is rounded down
 * once for the sale, so splitting a basket into lines never loses a point to rounding.
 */
export function earnPoints({ lines, memberLevelId, businessDate, pointsPaidMinor, rules }: EarnInput): Earning {
  const nets = lines.map((l) => Math.max(0, l.netMinor));
  const paidWithPoints = Math.min(Math.max(0, pointsPaidMinor), nets.reduce((a, b) => a + b, 0));
  const shares = nets.length ? prorate(nets, minor(paidWithPoints)) : [];
  let scaled = 0n;
  const earned = lines.map((line, i) => {
    const rule = ruleForLine(line, memberLevelId, businessDate, rules);
    const baseMinor = nets[i]! - shares[i]!;
    const rateBp = rule?.rateBp ?? 0;
    scaled += BigInt(baseMinor) * BigInt(rateBp) * BigInt(line.multiplierBp);
    return { lineId: line.lineId, baseMinor, ruleId: rule?.id ?? null, rateBp, multiplierBp: line.multiplierBp };
  });
  return { points: Number(scaled / (FEN_PER_YUAN * BP * BP)), lines: earned };
}

/** A product's categories as earning reads them: its own and those above it, nearest first. */
export interface EarnFacts {
  readonly categoryId: string | null;
  readonly ancestorCategoryIds: readonly string[];
}

export interface SaleToEarnFrom {
  readonly sale: Pick<Sale, 'lines' | 'payments'>;
  /** Each sold product's categories, by product id. */
  readonly facts: ReadonlyMap<string, EarnFacts>;
  /** The promotions' points multiplier of each sold line, by line id (1× when absent). */
  readonly multipliers: ReadonlyMap<string, number>;
  readonly memberLevelId: string;
  readonly businessDate: string;
  readonly rules: readonly EarnRule[];
}

/**
 * What a member's sale earns (`earnPoints`), from the sale as it is recorded: every line but the
 * gifts, with its product's categories and the promotions' multiplier, and what points paid. HQ
 * posts this at ingest and the till prints it on the receipt, so the two always agree.
 */
export function saleEarning({ sale, facts, multipliers, memberLevelId, businessDate, rules }: SaleToEarnFrom): Earning {
  const lines: EarnLine[] = sale.lines.filter((l) => !l.giftRuleId).map((l) => {
    const category = facts.get(l.productId);
    return { lineId: l.id, netMinor: l.netMinor, categoryIds: category?.categoryId ? [category.categoryId, ...category.ancestorCategoryIds] : [], multiplierBp: multipliers.get(l.id) ?? 10_000 };
  });
  const pointsPaidMinor = sale.payments.filter((p) => p.tender === 'points').reduce((sum, p) => sum + p.amountMinor, 0);
  return earnPoints({ lines, memberLevelId, businessDate, pointsPaidMinor, rules });
}
