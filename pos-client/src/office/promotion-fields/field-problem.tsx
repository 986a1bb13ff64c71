import { Form } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import type { RuleProblem } from '../../features/office-promotions/rule-problems';
import { useI18n } from '../../i18n/i18n-context';
import { useFieldProblem } from './promotion-form-context';

interface FieldIds {
  /** The id of the field's input, which its label names. */
  id: string;
  /** The id of the label's text, for a group of inputs. */
  labelId: string;
  invalid: boolean;
}

const FieldIdContext = createContext<FieldIds | null>(null);

/** The ids of the `RuleField` around an input, so the input carries the id its label points at. */
export function useFieldIds(): FieldIds | null {
  return useContext(FieldIdContext);
}

export function useProblemText(): (problem: RuleProblem) => string {
  const { t } = useI18n();
  return (problem) => t(`office.promo.problem.${problem.key}`, problem.params);
}

interface Props {
  /** Where the field is in the rule, as the rule schema names it, e.g. `args.offer.percentBp`. */
  path: string;
  label: string;
  hint?: string;
  children: ReactNode;
  grow?: boolean;
  /** Several inputs (check boxes, rows): labelled as a group instead of one input. */
  group?: boolean;
}

/** A labelled field that shows the rule schema's problem with it underneath. */
export function RuleField({ path, label, hint, children, grow, group }: Props) {
  const problem = useFieldProblem(path);
  const text = useProblemText();
  const id = `promo-${path.replace(/\./g, '-')}`;
  const labelId = `${id}-label`;
  return (
    <Form.Item
      label={<span id={labelId}>{label}</span>}
      htmlFor={group ? undefined : id}
      validateStatus={problem ? 'error' : undefined}
      help={problem ? text(problem) : undefined}
      extra={hint}
      className={grow ? 'office-field-grow' : undefined}
    >
      <FieldIdContext.Provider value={{ id, labelId, invalid: problem !== undefined }}>
        {group ? <div role="group" aria-labelledby={labelId}>{children}</div> : children}
      </FieldIdContext.Provider>
    </Form.Item>
  );
}
