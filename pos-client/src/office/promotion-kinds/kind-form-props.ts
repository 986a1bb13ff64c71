import type { RuleKind } from '@pos/shared';
import type { ArgsOf } from '../../features/office-promotions/rule-defaults';

/** Every rule kind's form edits that kind's arguments, typed by the shared rule schema. */
export interface KindFormProps<K extends RuleKind> {
  args: ArgsOf<K>;
  onChange: (args: ArgsOf<K>) => void;
}
