import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from '../promotion-fields/decimal-input';
import { RuleField } from '../promotion-fields/field-problem';
import { ProductPicker } from '../promotion-fields/product-picker';
import { UnitLimitField } from '../promotion-fields/unit-limit-field';
import type { KindFormProps } from './kind-form-props';

/** 会员特价: a special unit price for members; which levels is chosen under "Who and where". */
export function MemberPriceForm({ args, onChange }: KindFormProps<'member_price'>) {
  const { t } = useI18n();
  return (
    <>
      <RuleField path="args.productIds" label={t('office.promo.products')}>
        <ProductPicker value={args.productIds} onChange={(productIds) => onChange({ ...args, productIds })} />
      </RuleField>
      <RuleField path="args.priceMinor" label={t('office.promo.memberPrice')}>
        <DecimalInput value={args.priceMinor} suffix="¥" onChange={(priceMinor) => onChange({ ...args, priceMinor })} />
      </RuleField>
      <UnitLimitField path="args.unitLimit" value={args.unitLimit} onChange={(unitLimit) => onChange({ ...args, unitLimit })} />
    </>
  );
}
