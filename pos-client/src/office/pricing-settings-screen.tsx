import { useOfficeHttp } from '../features/office-core/office-context';
import { usePricingSettings } from '../features/office-settings/use-pricing-settings';
import { useI18n } from '../i18n/i18n-context';
import { CashRoundingCard } from './cash-rounding-card';
import { ScaleLabelTester } from './scale-label-tester';
import { ScaleLayoutsCard } from './scale-layouts-card';

export function PricingSettingsScreen() {
  const http = useOfficeHttp();
  const { t, errorText } = useI18n();
  const settings = usePricingSettings(http);
  const { values, saved, problems } = settings;
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.nav.settings')}</h1>
          <p>{t('office.settings.hint')}</p>
        </div>
        <button type="button" className="office-button office-button-primary" disabled={!values || settings.busy} onClick={() => void settings.save()}>
          {settings.busy ? t('office.settings.saving') : t('office.settings.save')}
        </button>
      </header>
      {settings.loadError && (
        <div className="office-notice office-notice-error" role="alert">
          {errorText(settings.loadError)}{' '}
          <button type="button" className="office-link" onClick={settings.retry}>{t('common.retry')}</button>
        </div>
      )}
      {problems.length > 0 && <div className="office-notice office-notice-error" role="alert">{t('office.settings.fixProblems', { count: problems.length })}</div>}
      {saved.kind === 'saved' && <div className="office-notice office-notice-ok" role="status">{t('office.settings.saved')}</div>}
      {saved.kind === 'failed' && <div className="office-notice office-notice-error" role="alert">{errorText(saved.code)}</div>}
      {!values && !settings.loadError && <p className="office-empty">{t('office.loading')}</p>}
      {values && (
        <div className="office-two-columns office-editor">
          <div className="office-stack">
            <CashRoundingCard value={values.cashRounding} problems={problems} onChange={(cashRounding) => settings.change({ ...values, cashRounding })} />
            <ScaleLayoutsCard layouts={values.scaleLayouts} problems={problems} onChange={(scaleLayouts) => settings.change({ ...values, scaleLayouts })} />
          </div>
          <ScaleLabelTester layouts={values.scaleLayouts} />
        </div>
      )}
    </section>
  );
}
