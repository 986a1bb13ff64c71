import { lastDays, type useStoreDayReport } from '../features/office-reports/use-store-day-report';
import { useI18n } from '../i18n/i18n-context';

const presets = [7, 30, 60] as const;

interface Props {
  report: ReturnType<typeof useStoreDayReport>;
  today: Date;
}

export function ReportFilters({ report, today }: Props) {
  const { t } = useI18n();
  const { range, setRange, storeId, setStoreId, summary } = report;
  const stores = summary?.stores ?? [];
  return (
    <div className="office-filters">
      <label className="office-field">
        <span>{t('office.report.from')}</span>
        <input type="date" value={range.from} max={range.to} onChange={(e) => setRange({ ...range, from: e.target.value })} />
      </label>
      <label className="office-field">
        <span>{t('office.report.to')}</span>
        <input type="date" value={range.to} min={range.from} onChange={(e) => setRange({ ...range, to: e.target.value })} />
      </label>
      <div className="office-segmented" role="group" aria-label={t('office.report.presets')}>
        {presets.map((days) => {
          const preset = lastDays(today, days);
          const active = preset.from === range.from && preset.to === range.to;
          return (
            <button key={days} type="button" aria-pressed={active} onClick={() => setRange(preset)}>
              {t('office.report.lastDays', { days })}
            </button>
          );
        })}
      </div>
      <label className="office-field office-field-grow">
        <span>{t('office.report.store')}</span>
        <select value={storeId ?? ''} onChange={(e) => setStoreId(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('office.report.allStores', { count: stores.length })}</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} · {s.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
