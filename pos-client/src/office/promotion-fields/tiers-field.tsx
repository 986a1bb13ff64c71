import { Button, Flex, Typography } from 'antd';
import { minor, type Minor } from '@pos/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from './decimal-input';
import { RuleField } from './field-problem';

interface Props<T extends { minSpendMinor: Minor }> {
  path: string;
  value: T[];
  onChange: (tiers: T[]) => void;
  /** The reward input of one tier (its place is 1 for the first), labelled on its own. */
  reward: (tier: T, set: (tier: T) => void, place: number) => ReactNode;
  newTier: (last: T | undefined) => T;
}

/** Spend thresholds, each with its reward; the highest tier the basket reaches counts. */
export function TiersField<T extends { minSpendMinor: Minor }>({ path, value, onChange, reward, newTier }: Props<T>) {
  const { t } = useI18n();
  const set = (i: number, tier: T) => onChange(value.map((x, j) => (j === i ? tier : x)));
  return (
    <RuleField path={path} label={t('office.promo.tiers')} group>
      <Flex vertical gap={8} align="flex-start">
        {value.map((tier, i) => (
          <Flex key={i} gap={8} align="center" wrap>
            <Typography.Text type="secondary" aria-hidden="true">{t('office.promo.spendAtLeast')}</Typography.Text>
            <DecimalInput ariaLabel={t('office.promo.tierSpend', { n: i + 1 })} value={tier.minSpendMinor} suffix="¥" onChange={(minSpendMinor) => set(i, { ...tier, minSpendMinor })} />
            {reward(tier, (next) => set(i, next), i + 1)}
            {value.length > 1 && <Button type="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('office.promo.remove')}</Button>}
          </Flex>
        ))}
        <Button type="dashed" onClick={() => onChange([...value, newTier(value[value.length - 1])])}>{t('office.promo.addTier')}</Button>
      </Flex>
    </RuleField>
  );
}

/** The next tier: twice the last threshold. */
export const nextThreshold = (last: { minSpendMinor: Minor } | undefined): Minor => minor((last?.minSpendMinor ?? 5_000) * 2);
