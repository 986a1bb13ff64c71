import { useState } from 'react';
import { systemNow } from '../features/office-core/clock';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeHttp } from '../features/office-core/office-context';
import { downloadText, storeDayCsv } from '../features/office-reports/store-day-csv';
import { useStoreDayReport } from '../features/office-reports/use-store-day-report';
import { useI18n } from '../i18n/i18n-context';
import { DailySalesChart } from './daily-sales-chart';
import { ReportFilters } from './report-filters';
import { StoreDayTable } from './store-day-table';
import { StoreTotalsTable } from './store-totals-table';

export function StoreDayScreen() {
  const http = useOfficeHttp();
  const { t, errorText } = useI18n();
  const [today] = useState(systemNow);
  const report = useStoreDayReport(http, today);
  const { summary, range } = report;

  function exportCsv() {
    if (!summary) return;
    const headings = {
      date: t('office.report.colDate'), storeCode: t('office.report.colStoreCode'), storeName: t('office.report.colStore'), sales: t('office.report.colSales'),
      tickets: t('office.report.colTickets'), items: t('office.report.colItems'), averageBasket: t('office.report.colBasket'), total: t('office.report.total'),
    };
    downloadText(`store-day_${range.from}_${range.to}.csv`, storeDayCsv(summary.rows, summary.totals, headings));
  }

  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.report.title')}</h1>
          <p>{t('office.report.hint')}</p>
        </div>
        <button type="button" className="office-button" onClick={exportCsv} disabled={!summary || summary.rows.length === 0}>
          {t('office.report.export')}
        </button>
      </header>
      <ReportFilters report={report} today={today} />
      {!report.rangeValid && <div className="office-notice office-notice-error">{t('office.report.rangeInvalid')}</div>}
      {report.errorCode && (
        <div className="office-notice office-notice-error" role="alert">
          {errorText(report.errorCode)}{' '}
          <button type="button" className="office-link" onClick={report.retry}>{t('common.retry')}</button>
        </div>
      )}
      {report.loading && !summary && <p className="office-empty">{t('office.loading')}</p>}
      {summary && (
        <div className={report.loading ? 'office-stack office-stale' : 'office-stack'}>
          <div className="office-kpis">
            <Kpi label={t('office.report.colSales')} value={formatMoneyText(summary.totals.salesMinor)} />
            <Kpi label={t('office.report.colTickets')} value={formatCount(summary.totals.tickets)} />
            <Kpi label={t('office.report.colItems')} value={formatCount(summary.totals.items)} />
            <Kpi label={t('office.report.colBasket')} value={formatMoneyText(summary.totals.averageBasketMinor)} />
          </div>
          <div className="office-card">
            <h2>{t('office.report.chartTitle')}</h2>
            <DailySalesChart days={summary.byDay} />
          </div>
          <div className="office-card">
            <h2>{t('office.report.byStore')}</h2>
            <StoreTotalsTable rows={summary.byStore} totals={summary.totals} />
          </div>
          <div className="office-card">
            <h2>{t('office.report.byStoreDay')}</h2>
            <StoreDayTable rows={summary.rows} totals={summary.totals} />
          </div>
        </div>
      )}
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="office-kpi">
      <span>{label}</span>
      <strong className="num">{value}</strong>
    </div>
  );
}
