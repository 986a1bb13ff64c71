import { Alert, Button, DatePicker, Form, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { growthBp } from '@pos/shared';
import { useScopeStores } from '../features/office-core/office-queries';
import { outputRefusal } from '../features/office-reports/store-day-outputs';
import { useI18n } from '../i18n/i18n-context';
import { useHqErrorText } from './hq-error';

/** A growth as the screens show it: signed percent with an arrow, or a dash when there is nothing to compare with. */
export function Growth({ now, then }: { now: number; then: number }) {
  const bp = growthBp(now, then);
  return <GrowthBp bp={bp} />;
}

export function GrowthBp({ bp }: { bp: number | null }) {
  if (bp === null) return <span className="office-growth">—</span>;
  const text = `${bp > 0 ? '▲ +' : bp < 0 ? '▼ ' : ''}${(bp / 100).toFixed(1)}%`;
  return <span className={`office-growth num ${bp > 0 ? 'office-growth-up' : bp < 0 ? 'office-growth-down' : ''}`}>{text}</span>;
}

interface Exporting {
  mayExport: boolean;
  exportAs: (format: 'xlsx' | 'csv', language: 'zh' | 'en') => void;
  exporting: { isPending: boolean; error: Error | null };
}

/** Excel and CSV, in the office's language, when the role may export the report. */
export function ExportButtons({ report, disabled, testId }: { report: Exporting; disabled: boolean; testId: string }) {
  const { t, locale } = useI18n();
  if (!report.mayExport) return null;
  const language = locale === 'en' ? 'en' : 'zh';
  return (
    <Space>
      <Button data-testid={`${testId}-xlsx`} disabled={disabled || report.exporting.isPending} onClick={() => report.exportAs('xlsx', language)}>{t('office.salesAnalysis.exportXlsx')}</Button>
      <Button data-testid={`${testId}-csv`} disabled={disabled || report.exporting.isPending} onClick={() => report.exportAs('csv', language)}>{t('office.salesAnalysis.exportCsv')}</Button>
    </Space>
  );
}

/** Why HQ refused the last export, in words: the day's limit, a role that allows none, or the error. */
export function ExportRefusal({ error }: { error: Error | null }) {
  const { t } = useI18n();
  const errorText = useHqErrorText();
  if (!error) return null;
  const refusal = outputRefusal(error);
  const title = refusal?.kind === 'limit' ? t('office.report.limitReached', { perDay: refusal.perDay })
    : refusal?.kind === 'forbidden' ? t('office.report.outputForbidden') : errorText(error);
  return <Alert type="error" showIcon role="alert" title={title} />;
}

/** A wide table's box: it scrolls sideways on a narrow screen, and takes the keyboard's focus so arrow keys scroll it. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div className="office-scroll-region" tabIndex={0} role="region" aria-label={label}>{children}</div>;
}

const dateFormat = 'YYYY-MM-DD';

/** A report's range, as a form field of its filters. */
export function RangeField({ id, range, onChange }: { id: string; range: { from: string; to: string }; onChange: (range: { from: string; to: string }) => void }) {
  const { t } = useI18n();
  return (
    <Form.Item label={`${t('office.report.from')} – ${t('office.report.to')}`} htmlFor={id}>
      <DatePicker.RangePicker
        id={{ start: id }}
        allowClear={false}
        format={dateFormat}
        placeholder={[t('office.report.from'), t('office.report.to')]}
        value={[dayjs(range.from), dayjs(range.to)]}
        onChange={(dates) => {
          if (dates?.[0] && dates[1]) onChange({ from: dates[0].format(dateFormat), to: dates[1].format(dateFormat) });
        }}
      />
    </Form.Item>
  );
}

/** One of the caller's stores, or all of them, as a form field of a report's filters. */
export function StoreField({ id, storeId, onChange }: { id: string; storeId: string | undefined; onChange: (storeId: string | null) => void }) {
  const { t, pickName } = useI18n();
  const stores = useScopeStores();
  return (
    <Form.Item label={t('office.report.store')} htmlFor={id} className="office-field-grow">
      <Select
        id={id}
        className="office-select-wide"
        value={storeId ?? ''}
        onChange={(value) => onChange(value === '' ? null : value)}
        options={[
          { value: '', label: t('office.report.allStores', { count: stores.data?.length ?? 0 }) },
          ...(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` })),
        ]}
      />
    </Form.Item>
  );
}
