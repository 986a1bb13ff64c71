import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from '../promotion-fields/decimal-input';
import { ScopeField } from '../promotion-fields/scope-field';
import { nextThreshold, TiersField } from '../promotion-fields/tiers-field';
import type { KindFormProps } from './kind-form-props';

/** 满折: spend X, get z % off, tiered. */
export function SpendThresholdPercentForm({ args, onChange }: KindFormProps<'spend_threshold_percent'>) {
  const { t } = useI18n();
  return (
    <>
      <TiersField
        path="args.tiers"
        value={args.tiers}
        onChange={(tiers) => onChange({ ...args, tiers })}
        newTier={(last) => ({ minSpendMinor: nextThreshold(last), percentBp: Math.min(10_000, (last?.percentBp ?? 500) + 500) })}
        reward={(tier, set, place) => (
          <>
            <Typography.Text type="secondary" aria-hidden="true">{t('office.promo.getPercentOff')}</Typography.Text>
            <DecimalInput ariaLabel={t('office.promo.tierPercent', { n: place })} value={tier.percentBp} suffix="%" trimZeros onChange={(percentBp) => set({ ...tier, percentBp })} />
          </>
        )}
      />
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
