import { PromotionRule, ruleInconsistencies } from '@pos/shared';

export type ProblemKey = 'required' | 'pickOne' | 'min' | 'max' | 'tooLong' | 'format' | 'group' | 'dates' | 'invalid';

/** What is wrong with one field of a draft rule, as a path like `args.offer.percentBp`; the screen words it. */
export interface RuleProblem {
  path: string;
  key: ProblemKey;
  params: Record<string, number>;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function problemOf(issue: Issue): RuleProblem {
  const path = issue.path.map(String).join('.');
  const limit = (value: number | bigint | undefined) => Number(value ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { path, key: 'pickOne', params: {} };
      if (issue.origin === 'string') return { path, key: 'required', params: {} };
      return { path, key: 'min', params: { min: limit(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string' ? { path, key: 'tooLong', params: { max: limit(issue.maximum) } } : { path, key: 'max', params: { max: limit(issue.maximum) } };
    case 'invalid_format':
      return { path, key: 'format', params: {} };
    case 'invalid_type':
      return { path, key: 'required', params: {} };
    case 'custom':
      return path === 'group' ? { path, key: 'group', params: {} } : { path, key: 'invalid', params: {} };
    default:
      return { path, key: 'invalid', params: {} };
  }
}

/** Every problem the shared rule schema finds in a draft, then what HQ would refuse on saving it (dates out of order, empty windows, tiers that do not rise). */
export function ruleProblems(draft: unknown): RuleProblem[] {
  const parsed = PromotionRule.safeParse(draft);
  if (!parsed.success) return parsed.error.issues.map((issue) => problemOf(issue as Issue));
  return ruleInconsistencies(parsed.data).map(({ path }): RuleProblem => {
    const joined = path.map(String).join('.');
    return { path: joined, key: joined === 'validTo' ? 'dates' : 'invalid', params: {} };
  });
}

/** The first problem at a field or anywhere inside it. */
export function problemAt(problems: readonly RuleProblem[], path: string): RuleProblem | undefined {
  return problems.find((p) => p.path === path || p.path.startsWith(`${path}.`));
}
