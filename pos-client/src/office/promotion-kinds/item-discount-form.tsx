import { useI18n } from '../../i18n/i18n-context';
import { RuleField } from '../promotion-fields/field-problem';
import { OfferField } from '../promotion-fields/offer-field';
import { ProductPicker } from '../promotion-fields/product-picker';
import { UnitLimitField } from '../promotion-fields/unit-limit-field';
import type { KindFormProps } from './kind-form-props';

/** 单品促销: an offer on listed products. */
export function ItemDiscountForm({ args, onChange }: KindFormProps<'item_discount'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.productIds" label={t('office.promo.products')}>
        <ProductPicker value={args.productIds} onChange={(productIds) => onChange({ ...args, productIds })} />
      </RuleField>
      <OfferField path="args.offer" value={args.offer} onChange={(offer) => onChange({ ...args, offer })} />
      <UnitLimitField path="args.unitLimit" value={args.unitLimit} onChange={(unitLimit) => onChange({ ...args, unitLimit })} />
    </>
  );
}
