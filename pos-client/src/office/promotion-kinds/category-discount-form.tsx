import { useI18n } from '../../i18n/i18n-context';
import { CategoryPicker } from '../promotion-fields/category-picker';
import { RuleField } from '../promotion-fields/field-problem';
import { OfferField } from '../promotion-fields/offer-field';
import { UnitLimitField } from '../promotion-fields/unit-limit-field';
import type { KindFormProps } from './kind-form-props';

/** 品类折扣: an offer on every product of the chosen categories and the categories below them. */
export function CategoryDiscountForm({ args, onChange }: KindFormProps<'category_discount'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.categoryIds" label={t('office.promo.categories')} hint={t('office.promo.categoryHint')}>
        <CategoryPicker value={args.categoryIds} onChange={(categoryIds) => onChange({ ...args, categoryIds })} />
      </RuleField>
      <OfferField path="args.offer" value={args.offer} onChange={(offer) => onChange({ ...args, offer })} />
      <UnitLimitField path="args.unitLimit" value={args.unitLimit} onChange={(unitLimit) => onChange({ ...args, unitLimit })} />
    </>
  );
}
