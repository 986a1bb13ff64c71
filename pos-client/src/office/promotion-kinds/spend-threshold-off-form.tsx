import { Checkbox, Form, Typography } from 'antd';
import { minor } from '@pos/shared';
import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput } from '../promotion-fields/decimal-input';
import { ScopeField } from '../promotion-fields/scope-field';
import { nextThreshold, TiersField } from '../promotion-fields/tiers-field';
import type { KindFormProps } from './kind-form-props';

/** 满减: spend X, get Y off, tiered; "for every X" repeats the reward. */
export function SpendThresholdOffForm({ args, onChange }: KindFormProps<'spend_threshold_off'>) {
  const { t } = useI18n();
  return (
    <>
      <TiersField
        path="args.tiers"
        value={args.tiers}
        onChange={(tiers) => onChange({ ...args, tiers })}
        newTier={(last) => ({ minSpendMinor: nextThreshold(last), offMinor: minor((last?.offMinor ?? 500) * 2) })}
        reward={(tier, set, place) => (
          <>
            <Typography.Text type="secondary" aria-hidden="true">{t('office.promo.getOff')}</Typography.Text>
            <DecimalInput ariaLabel={t('office.promo.tierOff', { n: place })} value={tier.offMinor} suffix="¥" onChange={(offMinor) => set({ ...tier, offMinor })} />
          </>
        )}
      />
      <Form.Item>
        <Checkbox checked={args.repeat} onChange={(e) => onChange({ ...args, repeat: e.target.checked })}>{t('office.promo.repeat')}</Checkbox>
      </Form.Item>
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
    </>
  );
}
