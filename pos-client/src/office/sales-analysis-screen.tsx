import { Alert, Breadcrumb, Button, Card, Drawer, Empty, Form, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SalesGrouping, type SalesAnalysis, type SalesAnalysisRow, type SalesFigures } from '@pos/shared';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { systemNow } from '../features/office-core/clock';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import type { RangePreset } from '../features/office-sales-analysis/analysis-state';
import { useSalesAnalysis } from '../features/office-sales-analysis/use-sales-analysis';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { EChart, tapTooltip, type ChartOption } from './echart';
import { useHqErrorText } from './hq-error';
import { OfficePage } from './office-page';
import { ExportButtons, ExportRefusal, Growth, RangeField, ScrollRegion, StoreField } from './report-parts';

const presets: RangePreset[] = ['lastMonth', 'thisMonth', 'lastWeek', 'thisWeek', 'last30'];
const timeGroupings: readonly SalesGrouping[] = ['day', 'week', 'month'];

/** A figure short enough for a heat map's cell: 950, 1.2k, 35k. */
const compact = (value: number): string => (Math.abs(value) < 1000 ? String(Math.round(value)) : `${(value / 1000).toFixed(Math.abs(value) < 10_000 ? 1 : 0)}k`);

const groupingLabel = (by: SalesGrouping): MessageKey => `office.salesAnalysis.by.${by}` as MessageKey;
const yuan = (minor: number) => minor / 100;

/**
 * Sales analysis (决策分析): the caller's stores over a range grouped one way, each part beside the
 * period before (环比) and a year earlier (同比), drilled from a total to its parts and, for a
 * product, to the tickets it sold on; charted, and exported as a spreadsheet.
 */
export function SalesAnalysisScreen() {
  const { t, pickName } = useI18n();
  const errorText = useHqErrorText();
  const [today] = useState(systemNow);
  const a = useSalesAnalysis(today);
  const step = a.state.trail.at(-1)!;
  const report = a.analysis.data;

  return (
    <OfficePage
      title={t('office.salesAnalysis.title')}
      hint={t('office.salesAnalysis.hint')}
      extra={<ExportButtons report={a} disabled={!report} testId="analysis-export" />}
    >
      <ExportRefusal error={a.exporting.error} />
      <Card size="small">
        <Form layout="inline" className="office-filters">
          <RangeField id="analysis-range" range={a.state} onChange={a.setRange} />
          <Form.Item>
            <Space wrap size={4}>
              {presets.map((p) => <Button key={p} size="small" onClick={() => a.preset(p)} data-testid={`analysis-preset-${p}`}>{t(`office.salesAnalysis.preset.${p}` as MessageKey)}</Button>)}
            </Space>
          </Form.Item>
          <Form.Item label={t('office.salesAnalysis.groupBy')} htmlFor="analysis-by">
            <Select
              id="analysis-by"
              className="office-select"
              virtual={false}
              listHeight={448}
              value={step.by}
              onChange={(by) => a.regroup(by)}
              options={SalesGrouping.options.map((by) => ({ value: by, label: t(groupingLabel(by)) }))}
            />
          </Form.Item>
          <StoreField id="analysis-store" storeId={step.filters.storeId} onChange={(storeId) => a.refilter('storeId', storeId)} />
        </Form>
      </Card>

      <Breadcrumb
        className="office-trail"
        items={a.state.trail.map((s, i) => ({
          key: i,
          title: i === a.state.trail.length - 1 && !a.state.tickets
            ? <span aria-current="page">{t(groupingLabel(s.by))}</span>
            : <Button type="link" size="small" className="office-trail-link" onClick={() => a.backTo(i)}>{t(groupingLabel(s.by))}{s.opened ? `: ${pickName(s.opened)}` : ''}</Button>,
        }))}
      />

      {a.analysis.error && (
        <Alert type="error" showIcon role="alert" title={errorText(a.analysis.error)} action={<Button size="small" onClick={() => void a.analysis.refetch()}>{t('common.retry')}</Button>} />
      )}
      {a.analysis.isPending && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {report && (
        <div className={a.analysis.isFetching ? 'office-stack office-stale' : 'office-stack'}>
          <Periods report={report} />
          <Kpis report={report} />
          <Charts report={report} />
          <Card title={<Typography.Title level={2}>{t(groupingLabel(report.by))}</Typography.Title>}>
            <ScrollRegion label={t(groupingLabel(report.by))}>
              <AnalysisTable report={report} onDrill={a.drill} />
            </ScrollRegion>
          </Card>
        </div>
      )}
      <Drawer
        open={a.state.tickets !== null}
        onClose={a.closeTickets}
        size="large"
        title={a.state.tickets ? t('office.salesAnalysis.ticketsOf', { name: pickName(a.state.tickets) }) : ''}
      >
        <TicketList a={a} />
      </Drawer>
    </OfficePage>
  );
}

function Periods({ report }: { report: SalesAnalysis }) {
  const { t } = useI18n();
  const { current, previous, lastYear } = report.periods;
  const span = (p: { from: string; to: string }) => (p.from === p.to ? p.from : `${p.from} – ${p.to}`);
  return (
    <Typography.Paragraph className="office-periods" data-testid="analysis-periods">
      {t('office.salesAnalysis.current')}: <strong className="num">{span(current)}</strong> · {t('office.salesAnalysis.previous')}: <span className="num">{span(previous)}</span> · {t('office.salesAnalysis.lastYear')}: <span className="num">{span(lastYear)}</span>
    </Typography.Paragraph>
  );
}

function Kpis({ report }: { report: SalesAnalysis }) {
  const { t } = useI18n();
  const { current, previous, lastYear } = report.totals;
  const kpis: { key: string; label: string; value: string; pick: (f: SalesFigures) => number | null }[] = [
    { key: 'sales', label: t('office.salesAnalysis.sales'), value: formatMoneyText(current.salesMinor), pick: (f) => f.salesMinor },
    ...(current.tickets === null ? [] : [
      { key: 'tickets', label: t('office.salesAnalysis.tickets'), value: formatCount(current.tickets), pick: (f: SalesFigures) => f.tickets },
      { key: 'basket', label: t('office.salesAnalysis.basket'), value: current.averageBasketMinor === null ? '—' : formatMoneyText(current.averageBasketMinor), pick: (f: SalesFigures) => f.averageBasketMinor },
    ]),
    report.seeCost && current.marginMinor !== null
      ? { key: 'margin', label: t('office.salesAnalysis.margin'), value: `${formatMoneyText(current.marginMinor)}${current.marginRateBp === null ? '' : ` · ${(current.marginRateBp / 100).toFixed(1)}%`}`, pick: (f) => f.marginMinor }
      : { key: 'discount', label: t('office.salesAnalysis.discount'), value: formatMoneyText(current.discountMinor), pick: (f) => f.discountMinor },
  ];
  return (
    <div className="office-kpis">
      {kpis.map((k) => {
        const now = k.pick(current) ?? 0;
        return (
          <Card key={k.key} size="small" data-testid={`analysis-kpi-${k.key}`}>
            <Statistic title={k.label} value={k.value} className="num" />
            <div className="office-kpi-compare">
              <span>{t('office.salesAnalysis.vsPrevious')} <Growth now={now} then={k.pick(previous) ?? 0} /></span>
              <span>{t('office.salesAnalysis.vsLastYear')} <Growth now={now} then={k.pick(lastYear) ?? 0} /></span>
            </div>
          </Card>
        );
      })}
    </div>
  );
}

/** A trend for days, weeks and months; hours as a heat strip; any other grouping as its biggest parts and their shares. */
function Charts({ report }: { report: SalesAnalysis }) {
  const { t, pickName } = useI18n();
  const names = { current: t('office.salesAnalysis.current'), previous: t('office.salesAnalysis.previous'), lastYear: t('office.salesAnalysis.lastYear') };
  const charts = useMemo((): { key: string; title: string; option: ChartOption }[] => {
    const rows = report.rows;
    const axis = rows.map((r) => pickName(r));
    const money = { type: 'value' as const, axisLabel: { formatter: (v: number) => formatCount(v) } };
    if (timeGroupings.includes(report.by)) {
      return [{
        key: 'trend', title: t('office.salesAnalysis.trend'),
        option: {
          tooltip: tapTooltip('axis'), legend: { top: 0 }, grid: { left: 64, right: 16, top: 36, bottom: 32 },
          xAxis: { type: 'category', data: axis }, yAxis: money,
          series: (['current', 'previous', 'lastYear'] as const).map((p) => ({ name: names[p], type: 'line', smooth: true, data: rows.map((r) => yuan(r[p].salesMinor)) })),
        },
      }];
    }
    if (report.by === 'hour') {
      const max = Math.max(1, ...rows.map((r) => yuan(r.current.salesMinor)));
      const hours = rows.map((r) => r.key);
      const days = t('office.salesAnalysis.weekdays').split(',');
      const cells = (report.heat ?? []).filter((c) => hours.includes(c.hour)).map((c) => [hours.indexOf(c.hour), c.weekday - 1, yuan(c.salesMinor)]);
      const hottest = Math.max(1, ...cells.map((c) => c[2]!));
      const heat = {
        key: 'heat', title: t('office.salesAnalysis.weekdayHeat'),
        option: {
          tooltip: tapTooltip('item'), grid: { left: 64, right: 16, top: 16, bottom: 72 },
          xAxis: { type: 'category' as const, data: hours.map((h) => `${h}:00`), splitArea: { show: true } },
          yAxis: { type: 'category' as const, data: days, inverse: true, splitArea: { show: true } },
          visualMap: { min: 0, max: hottest, calculable: false, orient: 'horizontal' as const, left: 'center', bottom: 0, inRange: { color: ['#f0f5ff', '#1677ff', '#002c8c'] } },
          series: [{ name: names.current, type: 'heatmap' as const, data: cells, label: { show: true, formatter: (p: { value: unknown }) => compact((p.value as number[])[2]!) } }],
        } satisfies ChartOption,
      };
      return [heat, {
        key: 'hours', title: t('office.salesAnalysis.hourHeat'),
        option: {
          tooltip: tapTooltip('axis'), legend: { top: 0 }, grid: { left: 64, right: 16, top: 36, bottom: 48 },
          visualMap: { show: false, seriesIndex: 0, min: 0, max, inRange: { color: ['#bae0ff', '#1677ff', '#002c8c'] } },
          xAxis: { type: 'category', data: rows.map((r) => `${r.key}:00`) }, yAxis: money,
          series: [
            { name: names.current, type: 'bar', data: rows.map((r) => yuan(r.current.salesMinor)) },
            { name: names.previous, type: 'line', data: rows.map((r) => yuan(r.previous.salesMinor)) },
          ],
        },
      }];
    }
    const top = rows.slice(0, 10);
    const rest = report.totals.current.salesMinor - top.reduce((n, r) => n + r.current.salesMinor, 0);
    return [
      {
        key: 'top', title: t('office.salesAnalysis.topParts'),
        option: {
          tooltip: tapTooltip('axis'), legend: { top: 0 }, grid: { left: 140, right: 24, top: 36, bottom: 24 },
          yAxis: { type: 'category', inverse: true, data: top.map((r) => pickName(r)), axisLabel: { width: 120, overflow: 'truncate' } }, xAxis: money,
          series: (['current', 'lastYear'] as const).map((p) => ({ name: names[p], type: 'bar', data: top.map((r) => yuan(r[p].salesMinor)) })),
        },
      },
      {
        key: 'shares', title: t('office.salesAnalysis.shares'),
        option: {
          tooltip: { ...tapTooltip('item'), valueFormatter: (v) => formatCount(Number(v)) },
          series: [{
            type: 'pie', radius: ['36%', '62%'], label: { formatter: '{b}\n{d}%' },
            data: [...top.map((r) => ({ name: pickName(r), value: yuan(Math.max(0, r.current.salesMinor)) })), ...(rest > 0 ? [{ name: t('office.salesAnalysis.others'), value: yuan(rest) }] : [])]
              .filter((slice) => slice.value > 0),
          }],
        },
      },
    ];
  }, [report, t, pickName, names.current, names.previous, names.lastYear]);
  const periods = [report.totals.current, report.totals.previous, report.totals.lastYear];
  // Zero sales everywhere would draw a ring of equal slices each marked 0%.
  if (periods.every((p) => p.salesMinor === 0 && (p.quantity ?? 0) === 0)) {
    return <Card><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('office.salesAnalysis.nothingToDraw')} /></Card>;
  }
  return (
    <div className="office-chart-grid-2">
      {charts.map((c) => (
        <Card key={c.key} title={<Typography.Title level={2}>{c.title}</Typography.Title>}>
          <EChart option={c.option} label={c.title} height={c.key === 'top' || c.key === 'shares' || c.key === 'heat' ? 320 : 280} />
        </Card>
      ))}
    </div>
  );
}

type Line = SalesAnalysisRow | { key: string; nameZh: string; nameEn: string; code: null; drill: null; openedOn: null; current: SalesFigures; previous: SalesFigures; lastYear: SalesFigures };

function AnalysisTable({ report, onDrill }: { report: SalesAnalysis; onDrill: (row: SalesAnalysisRow) => void }) {
  const { t, pickName } = useI18n();
  const money = (v: number | null) => (v === null ? '—' : formatMoneyText(v));
  const count = (v: number | null) => (v === null ? '—' : formatCount(v));
  const held = (pick: (f: SalesFigures) => number | null) => pick(report.totals.current) !== null;
  const columns: ColumnsType<Line> = [
    {
      title: t('office.salesAnalysis.name'), key: 'name', width: 220,
      render: (_, r) => {
        const name = `${r.code ? `${r.code} · ` : ''}${pickName(r)}`;
        const opened = r.openedOn ? <Tag className="office-tag-inline">{t('office.salesAnalysis.openedOn', { date: r.openedOn })}</Tag> : null;
        return r.drill
          ? <><Button type="link" size="small" className="office-drill" onClick={() => onDrill(r as SalesAnalysisRow)} data-testid="analysis-drill">{name}</Button>{opened}</>
          : <>{name}{opened}</>;
      },
    },
    { title: t('office.salesAnalysis.sales'), key: 'sales', align: 'right', render: (_, r) => <span className="num">{money(r.current.salesMinor)}</span> },
    { title: t('office.salesAnalysis.vsPrevious'), key: 'previous', align: 'right', render: (_, r) => <Growth now={r.current.salesMinor} then={r.previous.salesMinor} /> },
    { title: t('office.salesAnalysis.vsLastYear'), key: 'lastYear', align: 'right', render: (_, r) => <Growth now={r.current.salesMinor} then={r.lastYear.salesMinor} /> },
    ...(held((f) => f.quantity) ? [{ title: t('office.salesAnalysis.quantity'), key: 'quantity', align: 'right' as const, render: (_: unknown, r: Line) => <span className="num">{count(r.current.quantity)}</span> }] : []),
    ...(held((f) => f.tickets) ? [
      { title: t('office.salesAnalysis.tickets'), key: 'tickets', align: 'right' as const, render: (_: unknown, r: Line) => <span className="num">{count(r.current.tickets)}</span> },
      { title: t('office.salesAnalysis.basket'), key: 'basket', align: 'right' as const, render: (_: unknown, r: Line) => <span className="num">{money(r.current.averageBasketMinor)}</span> },
    ] : []),
    { title: t('office.salesAnalysis.discount'), key: 'discount', align: 'right', render: (_, r) => <span className="num">{money(r.current.discountMinor)}</span> },
    ...(held((f) => f.returnsMinor) ? [{ title: t('office.salesAnalysis.returns'), key: 'returns', align: 'right' as const, render: (_: unknown, r: Line) => <span className="num">{money(r.current.returnsMinor)}</span> }] : []),
    ...(report.seeCost && held((f) => f.marginMinor) ? [
      { title: t('office.salesAnalysis.margin'), key: 'margin', align: 'right' as const, render: (_: unknown, r: Line) => <span className="num">{money(r.current.marginMinor)}</span> },
      { title: t('office.salesAnalysis.marginRate'), key: 'marginRate', align: 'right' as const, render: (_: unknown, r: Line) => <span className="num">{r.current.marginRateBp === null ? '—' : `${(r.current.marginRateBp / 100).toFixed(1)}%`}</span> },
    ] : []),
  ];
  const summary: Line[] = [
    ...(report.others ? [{ key: 'others', nameZh: `其他 (${report.others.count})`, nameEn: `Others (${report.others.count})`, code: null, drill: null, openedOn: null, ...report.others }] : []),
    { key: 'total', nameZh: '合计', nameEn: 'Total', code: null, drill: null, openedOn: null, ...report.totals },
  ];
  return (
    <Table<Line>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={report.rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('office.salesAnalysis.empty') }}
      summary={() => (
        <Table.Summary fixed>
          {summary.map((line) => (
            <Table.Summary.Row key={line.key} className={line.key === 'total' ? 'office-total-row' : undefined} data-testid={`analysis-${line.key}`}>
              {columns.map((c, i) => (
                <Table.Summary.Cell key={String(c.key)} index={i} align={c.align}>
                  {c.render ? (c.render(undefined, line, 0) as ReactNode) : null}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ))}
        </Table.Summary>
      )}
    />
  );
}

function TicketList({ a }: { a: ReturnType<typeof useSalesAnalysis> }) {
  const { t, pickName } = useI18n();
  const errorText = useHqErrorText();
  if (a.tickets.error) return <Alert type="error" showIcon role="alert" title={errorText(a.tickets.error)} />;
  const page = a.tickets.data;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={a.tickets.isFetching}
      dataSource={page?.items ?? []}
      pagination={{ current: a.ticketPage + 1, pageSize: 10, total: page?.total ?? 0, onChange: (p) => a.setTicketPage(p - 1), showSizeChanger: false }}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (sale) => (
          <ul className="office-ticket-lines" data-testid="analysis-ticket-lines">
            {sale.lines.map((l) => (
              <li key={l.lineNo}><span>{pickName(l)} × {formatCount(l.quantity)}</span><span className="num">{formatMoneyText(l.netMinor)}</span></li>
            ))}
          </ul>
        ),
      }}
      columns={[
        { title: t('office.salesAnalysis.receipt'), dataIndex: 'receiptNo', key: 'receipt' },
        { title: t('office.report.store'), dataIndex: 'storeCode', key: 'store' },
        { title: t('office.salesAnalysis.completedAt'), key: 'at', render: (_, s) => <span className="num">{dayjs(s.completedAt).format('YYYY-MM-DD HH:mm')}</span> },
        { title: t('office.salesAnalysis.ticketTotal'), key: 'total', align: 'right', render: (_, s) => <span className="num">{formatMoneyText(s.totalMinor)}</span> },
      ]}
    />
  );
}
