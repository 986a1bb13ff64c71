import { Alert, Button, Card, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { systemNow } from '../features/office-core/clock';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useStoreDayOutputs } from '../features/office-reports/use-store-day-outputs';
import { useStoreDayReport } from '../features/office-reports/use-store-day-report';
import { useI18n } from '../i18n/i18n-context';
import { DailySalesChart } from './daily-sales-chart';
import { useHqErrorText } from './hq-error';
import { OfficePage } from './office-page';
import { ReportFilters } from './report-filters';
import { ReportOutputButtons, ReportOutputNotice } from './report-output-buttons';
import { StoreDayPrintSheet } from './store-day-print-sheet';
import { StoreDayTable } from './store-day-table';
import { StoreTotalsTable } from './store-totals-table';

export function StoreDayScreen() {
  const { t } = useI18n();
  const errorText = useHqErrorText();
  const [today] = useState(systemNow);
  const report = useStoreDayReport(today);
  const { summary, range, query } = report;
  const outputs = useStoreDayOutputs({ ...range, ...(report.storeId ? { storeId: report.storeId } : {}) });

  const kpis = summary && [
    [t('office.report.colSales'), formatMoneyText(summary.totals.salesMinor)],
    [t('office.report.colTickets'), formatCount(summary.totals.tickets)],
    [t('office.report.colItems'), formatCount(summary.totals.items)],
    [t('office.report.colBasket'), formatMoneyText(summary.totals.averageBasketMinor)],
  ];
  return (
    <OfficePage
      title={t('office.report.title')}
      hint={t('office.report.hint')}
      extra={<ReportOutputButtons outputs={outputs} disabled={!summary || summary.rows.length === 0} />}
    >
      {outputs.printed && <StoreDayPrintSheet report={outputs.printed.report} printedBy={outputs.printedBy} printedAt={outputs.printed.at} />}
      <ReportOutputNotice outputs={outputs} />
      <ReportFilters report={report} today={today} />
      {!report.rangeValid && <Alert type="error" showIcon title={t('office.report.rangeInvalid')} />}
      {query.error && (
        <Alert type="error" showIcon role="alert" title={errorText(query.error)} action={<Button size="small" onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />
      )}
      {query.isPending && report.rangeValid && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {summary && kpis && (
        <div className={query.isFetching ? 'office-stack office-stale' : 'office-stack'}>
          <div className="office-kpis">
            {kpis.map(([label, value]) => (
              <Card key={label} size="small">
                <Statistic title={label} value={value} className="num" />
              </Card>
            ))}
          </div>
          <Card title={<Typography.Title level={2}>{t('office.report.chartTitle')}</Typography.Title>}>
            <DailySalesChart days={summary.byDay} />
          </Card>
          <Card title={<Typography.Title level={2}>{t('office.report.byStore')}</Typography.Title>}>
            <StoreTotalsTable rows={summary.byStore} totals={summary.totals} />
          </Card>
          <Card title={<Typography.Title level={2}>{t('office.report.byStoreDay')}</Typography.Title>}>
            <StoreDayTable rows={summary.rows} totals={summary.totals} />
          </Card>
        </div>
      )}
    </OfficePage>
  );
}
