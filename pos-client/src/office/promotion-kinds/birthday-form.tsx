import { Select } from 'antd';
import { useI18n } from '../../i18n/i18n-context';
import { RuleField } from '../promotion-fields/field-problem';
import { OfferField } from '../promotion-fields/offer-field';
import { ScopeField } from '../promotion-fields/scope-field';
import { UnitLimitField } from '../promotion-fields/unit-limit-field';
import type { KindFormProps } from './kind-form-props';

const windows = ['day', 'week', 'month'] as const;

/** 生日促销: an offer for a member on their birthday, in its week (±3 days) or its month. */
export function BirthdayForm({ args, onChange }: KindFormProps<'birthday'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.window" label={t('office.promo.birthdayWindow')}>
        <Select id="promo-args-window" className="office-select-wide" value={args.window} options={windows.map((w) => ({ value: w, label: t(`office.promo.birthday.${w}`) }))} onChange={(window) => onChange({ ...args, window })} />
      </RuleField>
      <OfferField path="args.offer" value={args.offer} onChange={(offer) => onChange({ ...args, offer })} />
      <UnitLimitField path="args.unitLimit" value={args.unitLimit} onChange={(unitLimit) => onChange({ ...args, unitLimit })} />
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
