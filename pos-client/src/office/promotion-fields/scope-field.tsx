import { Typography } from 'antd';
import type { LineScope } from '@pos/shared';
import { useI18n } from '../../i18n/i18n-context';
import { CategoryPicker } from './category-picker';
import { RuleField } from './field-problem';
import { ProductPicker } from './product-picker';
import { TextListInput } from './text-list-input';

/** Which lines the promotion looks at: any listed product, category or brand; nothing listed is the whole basket. */
export function ScopeField({ path, value, onChange }: { path: string; value: LineScope; onChange: (scope: LineScope) => void }) {
  const { t } = useI18n();
  const everything = value.productIds.length + value.categoryIds.length + value.brandIds.length === 0;
  return (
    <fieldset className="office-fieldset">
      <legend>{t('office.promo.scope')}</legend>
      <Typography.Paragraph type="secondary">{everything ? t('office.promo.scopeAll') : t('office.promo.scopeSome')}</Typography.Paragraph>
      <RuleField path={`${path}.productIds`} label={t('office.promo.products')}>
        <ProductPicker value={value.productIds} onChange={(productIds) => onChange({ ...value, productIds })} />
      </RuleField>
      <RuleField path={`${path}.categoryIds`} label={t('office.promo.categories')}>
        <CategoryPicker value={value.categoryIds} onChange={(categoryIds) => onChange({ ...value, categoryIds })} />
      </RuleField>
      <RuleField path={`${path}.brandIds`} label={t('office.promo.brands')}>
        <TextListInput value={value.brandIds} placeholder={t('office.promo.brandsPlaceholder')} onChange={(brandIds) => onChange({ ...value, brandIds })} />
      </RuleField>
    </fieldset>
  );
}
