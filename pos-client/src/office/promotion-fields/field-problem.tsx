import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { RuleProblem } from '../../features/office-promotions/rule-problems';
import { useFieldProblem } from './promotion-form-context';

export function useProblemText(): (problem: RuleProblem) => string {
  const { t } = useI18n();
  return (problem) => t(`office.promo.problem.${problem.key}`, problem.params);
}

/** A labelled field that shows the rule schema's problem with it underneath. */
export function RuleField({ path, label, hint, children, grow }: { path: string; label: string; hint?: string; children: ReactNode; grow?: boolean }) {
  const problem = useFieldProblem(path);
  const text = useProblemText();
  const classes = ['office-field', grow ? 'office-field-grow' : '', problem ? 'office-field-invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <span>{label}</span>
      {children}
      {hint && !problem && <small className="office-field-hint">{hint}</small>}
      {problem && <span className="office-field-error">{text(problem)}</span>}
    </div>
  );
}
