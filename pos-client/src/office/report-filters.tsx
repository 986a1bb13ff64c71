import { Card, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { lastDays, type useStoreDayReport } from '../features/office-reports/use-store-day-report';
import { useI18n } from '../i18n/i18n-context';

const presets = [7, 30, 60] as const;
const dateFormat = 'YYYY-MM-DD';

interface Props {
  report: ReturnType<typeof useStoreDayReport>;
  today: Date;
}

/** The date range (with quick ranges) and the store, above the report. */
export function ReportFilters({ report, today }: Props) {
  const { t } = useI18n();
  const { range, setRange, storeId, setStoreId, summary } = report;
  const stores = summary?.stores ?? [];
  return (
    <Card size="small">
      <Form layout="inline" className="office-filters">
        <Form.Item label={`${t('office.report.from')} – ${t('office.report.to')}`} htmlFor="report-range">
          <DatePicker.RangePicker
            id={{ start: 'report-range' }}
            allowClear={false}
            placeholder={[t('office.report.from'), t('office.report.to')]}
            format={dateFormat}
            value={[dayjs(range.from), dayjs(range.to)]}
            presets={presets.map((days) => {
              const preset = lastDays(today, days);
              return { label: t('office.report.lastDays', { days }), value: [dayjs(preset.from), dayjs(preset.to)] };
            })}
            onChange={(dates) => {
              if (dates?.[0] && dates[1]) setRange({ from: dates[0].format(dateFormat), to: dates[1].format(dateFormat) });
            }}
          />
        </Form.Item>
        <Form.Item label={t('office.report.store')} htmlFor="report-store" className="office-field-grow">
          <Select
            id="report-store"
            className="office-select-wide"
            value={storeId ?? ''}
            onChange={(value) => setStoreId(value === '' ? null : value)}
            options={[{ value: '', label: t('office.report.allStores', { count: stores.length }) }, ...stores.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))]}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
