import { useI18n } from '../../i18n/i18n-context';
import { IntegerInput } from './decimal-input';
import { RuleField } from './field-problem';

/** 限量: how many units per ticket get the offer; empty for no limit. */
export function UnitLimitField({ path, value, onChange }: { path: string; value: number | null; onChange: (limit: number | null) => void }) {
  const { t } = useI18n();
  return (
    <RuleField path={path} label={t('office.promo.unitLimit')} hint={t('office.promo.noLimitHint')}>
      <IntegerInput value={value} min={1} onChange={onChange} />
    </RuleField>
  );
}
