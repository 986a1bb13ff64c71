import { Alert, Button, Spin } from 'antd';
import { usePricingSettings } from '../features/office-settings/use-pricing-settings';
import { useI18n } from '../i18n/i18n-context';
import { CashRoundingCard } from './cash-rounding-card';
import { HqErrorAlert, useHqErrorText } from './hq-error';
import { OfficePage } from './office-page';
import { ScaleLabelTester } from './scale-label-tester';
import { ScaleLayoutsCard } from './scale-layouts-card';

export function PricingSettingsScreen() {
  const { t } = useI18n();
  const errorText = useHqErrorText();
  const settings = usePricingSettings();
  const { values, problems, save, load } = settings;

  return (
    <OfficePage
      title={t('office.nav.settings')}
      hint={t('office.settings.hint')}
      extra={
        <Button type="primary" disabled={!values} loading={save.isPending} onClick={settings.submit}>
          {save.isPending ? t('office.settings.saving') : t('office.settings.save')}
        </Button>
      }
    >
      {load.error && <Alert type="error" showIcon role="alert" title={errorText(load.error)} action={<Button size="small" onClick={() => void load.refetch()}>{t('common.retry')}</Button>} />}
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={t('office.settings.fixProblems', { count: problems.length })} />}
      {save.isSuccess && <Alert type="success" showIcon role="status" title={t('office.settings.saved')} />}
      <HqErrorAlert error={settings.saveError} />
      {load.isPending && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {values && (
        <div className="office-two-columns office-editor">
          <div className="office-stack">
            <CashRoundingCard value={values.cashRounding} problems={problems} onChange={(cashRounding) => settings.change({ ...values, cashRounding })} />
            <ScaleLayoutsCard layouts={values.scaleLayouts} problems={problems} onChange={(scaleLayouts) => settings.change({ ...values, scaleLayouts })} />
          </div>
          <ScaleLabelTester layouts={values.scaleLayouts} />
        </div>
      )}
    </OfficePage>
  );
}
