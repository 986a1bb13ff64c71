import type { CommissionPlan, CommissionRule } from '../schemas/commission';

/** A sold product as the rules read it: its category and the categories above it (nearest first), brand and supplier. */
export interface RuleSubject {
  readonly productId: string;
  readonly categoryIds: readonly string[];
  readonly brandId: string | null;
  readonly supplierId: string | null;
}

/** What a rule matched a line on, for the statement's "why this rate". */
export type MatchedOn = 'product' | 'category' | 'brand' | 'supplier' | 'grade';

export interface RuleChoice {
  readonly rule: CommissionRule;
  /** The rule's place in the plan, from 1, as the plan editor numbers it. */
  readonly ruleNo: number;
  readonly matchedOn: readonly MatchedOn[];
  /** How many categories up the rule's category sits from the product's (0: its own); null when it names none. */
  readonly categoryDistance: number | null;
}

/**
 * How specific a match is: a product outweighs everything else together; then a category, the
 * nearer the more specific; then a brand, a supplier and a grade. A rule naming two things is
 * more specific than one naming either.
 */
function specificity(choice: Omit<RuleChoice, 'rule' | 'ruleNo'>): number {
  let score = 0;
  for (const on of choice.matchedOn) {
    if (on === 'product') score += 100_000;
    if (on === 'category') score += 10_000 - Math.min(choice.categoryDistance ?? 0, 999) * 10;
    if (on === 'brand') score += 400;
    if (on === 'supplier') score += 200;
    if (on === 'grade') score += 100;
  }
  return score;
}

function match(rule: CommissionRule, subject: RuleSubject, grade: string | null): Omit<RuleChoice, 'rule' | 'ruleNo'> | null {
  const matchedOn: MatchedOn[] = [];
  let categoryDistance: number | null = null;
  if (rule.productId !== null) {
    if (rule.productId !== subject.productId) return null;
    matchedOn.push('product');
  }
  if (rule.categoryId !== null) {
    const at = subject.categoryIds.indexOf(rule.categoryId);
    if (at < 0) return null;
    categoryDistance = at;
    matchedOn.push('category');
  }
  if (rule.brandId !== null) {
    if (rule.brandId !== subject.brandId) return null;
    matchedOn.push('brand');
  }
  if (rule.supplierId !== null) {
    if (rule.supplierId !== subject.supplierId) return null;
    matchedOn.push('supplier');
  }
  if (rule.grade !== null) {
    if (rule.grade !== grade) return null;
    matchedOn.push('grade');
  }
  return { matchedOn, categoryDistance };
}

/**
 * The rule of `plan` that pays a line of `subject` sold by a clerk of `grade` (null for a line
 * no clerk sold, or a pool): the most specific that matches, the earlier in the plan on a tie;
 * null when none does.
 */
export function commissionRuleFor(plan: Pick<CommissionPlan, 'rules'>, subject: RuleSubject, grade: string | null): RuleChoice | null {
  let best: RuleChoice | null = null;
  let bestScore = -1;
  plan.rules.forEach((rule, index) => {
    const found = match(rule, subject, grade);
    if (!found) return;
    const score = specificity(found);
    if (score > bestScore) {
      best = { rule, ruleNo: index + 1, ...found };
      bestScore = score;
    }
  });
  return best;
}

/** The plan version in force on a business day, if any. */
export function planOn<P extends Pick<CommissionPlan, 'validFrom' | 'validTo'>>(plans: readonly P[], businessDate: string): P | null {
  return plans.find((p) => p.validFrom <= businessDate && (p.validTo === null || businessDate <= p.validTo)) ?? null;
}
