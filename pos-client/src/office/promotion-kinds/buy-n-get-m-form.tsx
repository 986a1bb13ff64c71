import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context';
import { DecimalInput, IntegerInput } from '../promotion-fields/decimal-input';
import { RuleField } from '../promotion-fields/field-problem';
import { ScopeField } from '../promotion-fields/scope-field';
import type { KindFormProps } from './kind-form-props';

/** 买N送M: buy N, get M free or at a percentage off; several products in scope make it mix-and-match. */
export function BuyNGetMForm({ args, onChange }: KindFormProps<'buy_n_get_m'>) {
  const { t } = useI18n();
  return (
    <>
      <div className="office-form-row">
        <RuleField path="args.buy" label={t('office.promo.buy')}>
          <IntegerInput value={args.buy} min={1} onChange={(buy) => onChange({ ...args, buy: buy ?? 0 })} />
        </RuleField>
        <RuleField path="args.get" label={t('office.promo.get')}>
          <IntegerInput value={args.get} min={1} onChange={(get) => onChange({ ...args, get: get ?? 0 })} />
        </RuleField>
        <RuleField path="args.rewardPercentBp" label={t('office.promo.rewardPercent')} hint={t('office.promo.rewardHint')}>
          <DecimalInput value={args.rewardPercentBp} suffix="%" trimZeros onChange={(rewardPercentBp) => onChange({ ...args, rewardPercentBp })} />
        </RuleField>
        <RuleField path="args.maxApplications" label={t('office.promo.maxApplications')} hint={t('office.promo.noLimitHint')}>
          <IntegerInput value={args.maxApplications} min={1} onChange={(maxApplications) => onChange({ ...args, maxApplications })} />
        </RuleField>
      </div>
      <ScopeField path="args.scope" value={args.scope} onChange={(scope) => onChange({ ...args, scope })} />
      <Typography.Paragraph type="secondary">{t('office.promo.mixMatchHint')}</Typography.Paragraph>
    </>
  );
}
