import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from '../promotion-fields/decimal-input';
import { RuleField } from '../promotion-fields/field-problem';
import { ScopeField } from '../promotion-fields/scope-field';
import type { KindFormProps } from './kind-form-props';

/** Points earned on the lines in scope are multiplied; 2 is double points. */
export function PointsMultiplierForm({ args, onChange }: KindFormProps<'points_multiplier'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.multiplierBp" label={t('office.promo.multiplier')} hint={t('office.promo.multiplierHint')}>
        <DecimalInput value={args.multiplierBp} exponent={4} suffix="×" trimZeros onChange={(multiplierBp) => onChange({ ...args, multiplierBp })} />
      </RuleField>
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
