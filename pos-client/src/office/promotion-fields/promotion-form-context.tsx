import { createContext, useContext, type ReactNode } from 'react';
import type { Category, MemberLevel, Store } from '@pos/shared';
import { problemAt, type RuleProblem } from '../../features/office-promotions/rule-problems';

export interface PromotionFormContextValue {
  stores: Store[];
  levels: MemberLevel[];
  categories: Category[];
  problems: RuleProblem[];
  /** Problems are shown once the user tries to save, not while a new form is still empty. */
  showProblems: boolean;
}

const Context = createContext<PromotionFormContextValue | null>(null);

export function PromotionFormProvider({ value, children }: { value: PromotionFormContextValue; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePromotionForm(): PromotionFormContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('usePromotionForm outside PromotionFormProvider');
  return value;
}

/** The problem to show under the field at `path`, if any. */
export function useFieldProblem(path: string): RuleProblem | undefined {
  const { problems, showProblems } = usePromotionForm();
  return showProblems ? problemAt(problems, path) : undefined;
}
