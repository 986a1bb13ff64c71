import { useI18n } from '../../i18n/i18n-context';
import { ClockWindowsField } from '../promotion-fields/clock-windows-field';
import { OfferField } from '../promotion-fields/offer-field';
import { ScopeField } from '../promotion-fields/scope-field';
import { UnitLimitField } from '../promotion-fields/unit-limit-field';
import type { KindFormProps } from './kind-form-props';

/** 时段价格: an offer only during the given hours of the store's day. */
export function HappyHourForm({ args, onChange }: KindFormProps<'happy_hour'>) {
  const { t } = useI18n();
  return (
    <>
      <ClockWindowsField path="args.windows" label={t('office.promo.happyHours')} value={args.windows} onChange={(windows) => onChange({ ...args, windows })} />
      <OfferField path="args.offer" value={args.offer} onChange={(offer) => onChange({ ...args, offer })} />
      <UnitLimitField path="args.unitLimit" value={args.unitLimit} onChange={(unitLimit) => onChange({ ...args, unitLimit })} />
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
