import { minor, type Minor } from '@pos/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from './decimal-input';
import { RuleField } from './field-problem';

interface Props<T extends { minSpendMinor: Minor }> {
  path: string;
  value: T[];
  onChange: (tiers: T[]) => void;
  /** The reward input of one tier. */
  reward: (tier: T, set: (tier: T) => void) => ReactNode;
  newTier: (last: T | undefined) => T;
}

/** Spend thresholds, each with its reward; the highest tier the basket reaches counts. */
export function TiersField<T extends { minSpendMinor: Minor }>({ path, value, onChange, reward, newTier }: Props<T>) {
  const { t } = useI18n();
  const set = (i: number, tier: T) => onChange(value.map((x, j) => (j === i ? tier : x)));
  return (
    <RuleField path={path} label={t('office.promo.tiers')}>
      <div className="office-rows">
        {value.map((tier, i) => (
          <div key={i} className="office-inline">
            <span className="office-muted">{t('office.promo.spendAtLeast')}</span>
            <DecimalInput value={tier.minSpendMinor} suffix="¥" onChange={(minSpendMinor) => set(i, { ...tier, minSpendMinor })} />
            {reward(tier, (next) => set(i, next))}
            {value.length > 1 && <button type="button" className="office-link" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('office.promo.remove')}</button>}
          </div>
        ))}
        <button type="button" className="office-link" onClick={() => onChange([...value, newTier(value[value.length - 1])])}>{t('office.promo.addTier')}</button>
      </div>
    </RuleField>
  );
}

/** The next tier: twice the last threshold. */
export const nextThreshold = (last: { minSpendMinor: Minor } | undefined): Minor => minor((last?.minSpendMinor ?? 5_000) * 2);
