import { Alert, Button, Card, Form, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PromotionReturn } from '@pos/shared';
import { useMemo, useState } from 'react';
import { systemNow } from '../features/office-core/clock';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { usePromotionReturn } from '../features/office-sales-analysis/use-promotion-return';
import { useI18n } from '../i18n/i18n-context';
import { EChart, tapTooltip, type ChartOption } from './echart';
import { useHqErrorText } from './hq-error';
import { OfficePage } from './office-page';
import { ExportButtons, ExportRefusal, GrowthBp, RangeField, ScrollRegion, StoreField } from './report-parts';

const yuan = (minor: number) => minor / 100;

/**
 * Promotion return (促销活动投资收益率): each promotion that gave something in the caller's stores
 * over the range, what it cost, its promoted goods during it against as many days before, and
 * (for roles that see cost) the margin it brought per yuan spent.
 */
export function PromotionReturnScreen() {
  const { t } = useI18n();
  const errorText = useHqErrorText();
  const [today] = useState(systemNow);
  const p = usePromotionReturn(today);
  const report = p.report.data;
  const seeCost = report?.seeCost ?? false;
  const money = (v: number | null) => (v === null ? '—' : formatMoneyText(v));

  const chart = useMemo((): ChartOption | null => {
    if (!report || report.items.length === 0) return null;
    const top = report.items.slice(0, 12);
    const gain = (r: PromotionReturn) => yuan(seeCost ? r.upliftMarginMinor ?? 0 : r.upliftSalesMinor);
    return {
      tooltip: tapTooltip('axis'), legend: { top: 0 }, grid: { left: 160, right: 24, top: 36, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(v) } },
      series: [
        { name: t('office.promotionReturn.cost'), type: 'bar', data: top.map((r) => yuan(r.costMinor)) },
        { name: seeCost ? t('office.promotionReturn.marginUplift') : t('office.promotionReturn.salesUplift'), type: 'bar', data: top.map(gain) },
      ],
    };
  }, [report, seeCost, t]);

  const columns: ColumnsType<PromotionReturn> = [
    { title: t('office.promotionReturn.promotion'), key: 'name', width: 200, render: (_, r) => r.name },
    { title: t('office.promotionReturn.days'), key: 'days', render: (_, r) => <span className="num">{r.during.from === r.during.to ? r.during.from : `${r.during.from} – ${r.during.to}`}</span> },
    { title: t('office.promotionReturn.reach'), key: 'reach', align: 'right', render: (_, r) => <span className="num">{t('office.promotionReturn.reachText', { products: r.products, stores: r.stores })}</span> },
    { title: t('office.promotionReturn.discount'), key: 'discount', align: 'right', render: (_, r) => <span className="num">{money(r.discountMinor)}</span> },
    { title: t('office.promotionReturn.gifts'), key: 'gifts', align: 'right', render: (_, r) => <span className="num">{seeCost ? `${formatCount(r.giftUnits)} · ${money(r.giftCostMinor)}` : formatCount(r.giftUnits)}</span> },
    { title: t('office.promotionReturn.cost'), key: 'cost', align: 'right', render: (_, r) => <span className="num">{money(r.costMinor)}</span> },
    { title: t('office.promotionReturn.salesDuring'), key: 'during', align: 'right', render: (_, r) => <span className="num">{money(r.promoted.during.salesMinor)}</span> },
    { title: t('office.promotionReturn.salesBefore'), key: 'before', align: 'right', render: (_, r) => <span className="num">{money(r.promoted.before.salesMinor)}</span> },
    { title: t('office.promotionReturn.uplift'), key: 'uplift', align: 'right', render: (_, r) => <GrowthBp bp={r.upliftBp} /> },
    ...(seeCost ? [
      { title: t('office.promotionReturn.marginUplift'), key: 'marginUplift', align: 'right' as const, render: (_: unknown, r: PromotionReturn) => <span className="num">{money(r.upliftMarginMinor)}</span> },
      { title: t('office.promotionReturn.return'), key: 'return', align: 'right' as const, render: (_: unknown, r: PromotionReturn) => <span className="num">{r.returnBp === null ? '—' : `${(r.returnBp / 100).toFixed(1)}%`}</span> },
    ] : []),
  ];

  return (
    <OfficePage title={t('office.promotionReturn.title')} hint={t('office.promotionReturn.hint')} extra={<ExportButtons report={p} disabled={!report || report.items.length === 0} testId="promotion-return-export" />}>
      <ExportRefusal error={p.exporting.error} />
      <Card size="small">
        <Form layout="inline" className="office-filters">
          <RangeField id="promotion-return-range" range={p.question} onChange={p.setRange} />
          <StoreField id="promotion-return-store" storeId={p.question.storeId} onChange={p.setStore} />
        </Form>
      </Card>
      {p.report.error && (
        <Alert type="error" showIcon role="alert" title={errorText(p.report.error)} action={<Button size="small" onClick={() => void p.report.refetch()}>{t('common.retry')}</Button>} />
      )}
      {p.report.isPending && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {report && (
        <div className={p.report.isFetching ? 'office-stack office-stale' : 'office-stack'}>
          {chart && (
            <Card title={<Typography.Title level={2}>{seeCost ? t('office.promotionReturn.chartMargin') : t('office.promotionReturn.chartSales')}</Typography.Title>}>
              <EChart option={chart} label={seeCost ? t('office.promotionReturn.chartMargin') : t('office.promotionReturn.chartSales')} height={Math.max(200, 48 + 40 * Math.min(12, report.items.length))} />
            </Card>
          )}
          <Card title={<Typography.Title level={2}>{t('office.promotionReturn.table')}</Typography.Title>}>
            <Typography.Paragraph type="secondary">{t('office.promotionReturn.how')}</Typography.Paragraph>
            <ScrollRegion label={t('office.promotionReturn.table')}>
              <Table<PromotionReturn>
                data-testid="promotion-return-table"
                size="small"
                rowKey="promotionId"
                columns={columns}
                dataSource={report.items}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: t('office.promotionReturn.empty') }}
              />
            </ScrollRegion>
          </Card>
        </div>
      )}
    </OfficePage>
  );
}
