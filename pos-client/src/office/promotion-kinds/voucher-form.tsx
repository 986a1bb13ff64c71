import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput, IntegerInput } from '../promotion-fields/decimal-input';
import { RuleField } from '../promotion-fields/field-problem';
import { ScopeField } from '../promotion-fields/scope-field';
import { TextListInput } from '../promotion-fields/text-list-input';
import type { KindFormProps } from './kind-form-props';

/** 代金券 / 购物券: a voucher or coupon of a face value, redeemed by code once the spend in scope reaches the minimum. */
export function VoucherForm({ args, onChange }: KindFormProps<'voucher'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.codes" label={t('office.promo.codes')} hint={t('office.promo.codesHint')}>
        <TextListInput rows={3} value={args.codes} onChange={(codes) => onChange({ ...args, codes })} />
      </RuleField>
      <div className="office-form-row">
        <RuleField path="args.faceValueMinor" label={t('office.promo.faceValue')}>
          <DecimalInput value={args.faceValueMinor} suffix="¥" onChange={(faceValueMinor) => onChange({ ...args, faceValueMinor })} />
        </RuleField>
        <RuleField path="args.minSpendMinor" label={t('office.promo.spendAtLeast')}>
          <DecimalInput value={args.minSpendMinor} suffix="¥" onChange={(minSpendMinor) => onChange({ ...args, minSpendMinor })} />
        </RuleField>
        <RuleField path="args.maxPerTicket" label={t('office.promo.maxPerTicket')}>
          <IntegerInput value={args.maxPerTicket} min={1} onChange={(maxPerTicket) => onChange({ ...args, maxPerTicket: maxPerTicket ?? 0 })} />
        </RuleField>
      </div>
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
