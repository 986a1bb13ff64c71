import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput, IntegerInput } from '../promotion-fields/decimal-input';
import { RuleField } from '../promotion-fields/field-problem';
import { ProductPicker } from '../promotion-fields/product-picker';
import { ScopeField } from '../promotion-fields/scope-field';
import type { KindFormProps } from './kind-form-props';

/** 满赠: spend X in scope, get a gift; its value is what the receipt and the promotion's cost count. */
export function SpendGiftForm({ args, onChange }: KindFormProps<'spend_gift'>) {
  const { t } = useI18n();
  const { gift } = args;
  return (
    <>
      <RuleField path="args.minSpendMinor" label={t('office.promo.spendAtLeast')}>
        <DecimalInput value={args.minSpendMinor} suffix="¥" onChange={(minSpendMinor) => onChange({ ...args, minSpendMinor })} />
      </RuleField>
      <RuleField path="args.gift.productId" label={t('office.promo.gift')}>
        <ProductPicker single value={gift.productId ? [gift.productId] : []} onChange={([productId = '']) => onChange({ ...args, gift: { ...gift, productId } })} />
      </RuleField>
      <div className="office-form-row">
        <RuleField path="args.gift.quantity" label={t('office.promo.giftQuantity')}>
          <IntegerInput value={gift.quantity} min={1} onChange={(quantity) => onChange({ ...args, gift: { ...gift, quantity: quantity ?? 0 } })} />
        </RuleField>
        <RuleField path="args.gift.valueMinor" label={t('office.promo.giftValue')}>
          <DecimalInput value={gift.valueMinor} suffix="¥" onChange={(valueMinor) => onChange({ ...args, gift: { ...gift, valueMinor } })} />
        </RuleField>
      </div>
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
