import { useI18n } from '../../i18n/i18n-context';
import { RuleField } from '../promotion-fields/field-problem';
import { OfferField } from '../promotion-fields/offer-field';
import { TextListInput } from '../promotion-fields/text-list-input';
import { UnitLimitField } from '../promotion-fields/unit-limit-field';
import type { KindFormProps } from './kind-form-props';

/** An offer on every product of the listed brands. */
export function BrandDiscountForm({ args, onChange }: KindFormProps<'brand_discount'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.brandIds" label={t('office.promo.brands')}>
        <TextListInput value={args.brandIds} placeholder={t('office.promo.brandsPlaceholder')} onChange={(brandIds) => onChange({ ...args, brandIds })} />
      </RuleField>
      <OfferField path="args.offer" value={args.offer} onChange={(offer) => onChange({ ...args, offer })} />
      <UnitLimitField path="args.unitLimit" value={args.unitLimit} onChange={(unitLimit) => onChange({ ...args, unitLimit })} />
    </>
  );
}
