import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MemberAnalysis, MemberLifecycle, ValueClass, ValueClassFigures } from '@pos/shared';
import { useMemo } from 'react';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import type { AnalysisQuestion, ListFilter } from '../features/office-member-analysis/member-analysis-params';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { EChart, tapTooltip, type ChartOption } from './echart';

/** Dark enough for white text to meet WCAG AA on a tag, and the same colour in the charts. */
export const classColour: Record<ValueClass, string> = { A: '#003eb3', B: '#006d75', C: '#595959' };
export const lifecycleColour: Record<MemberLifecycle, string> = { new: '#1d39c4', active: '#237804', lapsing: '#ad4e00', lost: '#a8071a', never: '#8c8c8c' };

export const classLabel = (c: ValueClass | 'none'): MessageKey => `office.memberAnalysis.class.${c}` as MessageKey;
export const lifecycleLabel = (s: MemberLifecycle): MessageKey => `office.memberAnalysis.state.${s}` as MessageKey;
export const percentText = (bp: number) => `${(bp / 100).toFixed(1)}%`;

interface Props {
  report: MemberAnalysis;
  question: AnalysisQuestion;
  showOnly: (filter: Partial<ListFilter>) => void;
}

/** The value classes: a chart of each class's share of the members and of the spend, and a table with every figure as text. */
export function ValueClassCard({ report, question, showOnly }: Props) {
  const { t } = useI18n();
  const option = useMemo((): ChartOption => ({
    tooltip: { ...tapTooltip('axis'), valueFormatter: (v) => `${Number(v).toFixed(1)}%` }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: report.classes.map((c) => t(classLabel(c.valueClass))) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('office.memberAnalysis.memberShare'), type: 'bar', itemStyle: { color: '#91caff' }, label: { show: true, position: 'top', formatter: (p) => percentText(Number(p.value) * 100) }, data: report.classes.map((c) => c.memberShareBp / 100) },
      { name: t('office.memberAnalysis.spendShare'), type: 'bar', itemStyle: { color: '#003eb3' }, label: { show: true, position: 'top', formatter: (p) => percentText(Number(p.value) * 100) }, data: report.classes.map((c) => c.spendShareBp / 100) },
    ],
  }), [report, t]);
  const columns: ColumnsType<ValueClassFigures> = [
    { title: t('office.memberAnalysis.valueClass'), key: 'class', render: (_, c) => <Button size="small" onClick={() => showOnly({ valueClass: [c.valueClass] })} aria-label={t('office.memberAnalysis.showMembers', { name: t(classLabel(c.valueClass)) })}>{t(classLabel(c.valueClass))}</Button> },
    { title: t('office.memberAnalysis.members'), key: 'members', align: 'right', render: (_, c) => <span className="num">{formatCount(c.members)} · {percentText(c.memberShareBp)}</span> },
    { title: t('office.memberAnalysis.spend'), key: 'spend', align: 'right', render: (_, c) => <span className="num">{formatMoneyText(c.spendMinor)} · {percentText(c.spendShareBp)}</span> },
    { title: t('office.memberAnalysis.tickets'), key: 'tickets', align: 'right', render: (_, c) => <span className="num">{formatCount(c.tickets)}</span> },
  ];
  return (
    <Card title={<Typography.Title level={2}>{t('office.memberAnalysis.classes')}</Typography.Title>}>
      <EChart option={option} label={t('office.memberAnalysis.chartClasses')} height={220} />
      <Table<ValueClassFigures>
        size="small" rowKey="valueClass" columns={columns} dataSource={report.classes} pagination={false} data-testid="member-analysis-classes"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('office.memberAnalysis.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><span className="num">{formatCount(report.classified.members)}</span></Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right"><span className="num">{formatMoneyText(report.classified.spendMinor)}</span></Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><span className="num">{formatCount(report.classified.tickets)}</span></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('office.memberAnalysis.classesHow', { a: question.classAUpToPercent, b: question.classBUpToPercent })}
      </Typography.Paragraph>
    </Card>
  );
}

type StateRow = MemberAnalysis['lifecycle'][number];

/** The lifecycle states on the period's last day: a bar each, and a table with the counts and shares as text. */
export function LifecycleCard({ report, question, showOnly }: Props) {
  const { t } = useI18n();
  const option = useMemo((): ChartOption => ({
    tooltip: tapTooltip('axis'), grid: { left: 48, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: report.lifecycle.map((s) => t(lifecycleLabel(s.state))), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      name: t('office.memberAnalysis.members'), type: 'bar', label: { show: true, position: 'top' },
      data: report.lifecycle.map((s) => ({ value: s.members, itemStyle: { color: lifecycleColour[s.state] } })),
    }],
  }), [report, t]);
  const share = (n: number) => (report.members === 0 ? '—' : percentText(Math.round((n * 10_000) / report.members)));
  const columns: ColumnsType<StateRow> = [
    { title: t('office.memberAnalysis.lifecycle'), key: 'state', render: (_, s) => <Button size="small" onClick={() => showOnly({ lifecycle: [s.state] })} aria-label={t('office.memberAnalysis.showMembers', { name: t(lifecycleLabel(s.state)) })}>{t(lifecycleLabel(s.state))}</Button> },
    { title: t('office.memberAnalysis.members'), key: 'members', align: 'right', render: (_, s) => <span className="num">{formatCount(s.members)}</span> },
    { title: t('office.memberAnalysis.share'), key: 'share', align: 'right', render: (_, s) => <span className="num">{share(s.members)}</span> },
  ];
  return (
    <Card title={<Typography.Title level={2}>{t('office.memberAnalysis.lifecycleTitle', { day: report.to })}</Typography.Title>}>
      <EChart option={option} label={t('office.memberAnalysis.chartLifecycle')} height={220} />
      <Table<StateRow> size="small" rowKey="state" columns={columns} dataSource={report.lifecycle} pagination={false} data-testid="member-analysis-lifecycle" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('office.memberAnalysis.lifecycleHow', { newDays: question.newDays, lapsing: question.lapsingMonths, lost: question.lostMonths })}
      </Typography.Paragraph>
    </Card>
  );
}

/** How the RFM scores spread: for each score, how many members have it in recency, frequency and monetary. */
export function RfmCard({ report }: { report: MemberAnalysis }) {
  const { t } = useI18n();
  const rows = [5, 4, 3, 2, 1].map((score) => ({
    score,
    recency: report.rfm.recency.find((s) => s.score === score)?.members ?? 0,
    frequency: report.rfm.frequency.find((s) => s.score === score)?.members ?? 0,
    monetary: report.rfm.monetary.find((s) => s.score === score)?.members ?? 0,
  }));
  const count = (n: number) => <span className="num">{formatCount(n)}</span>;
  return (
    <Card title={<Typography.Title level={2}>{t('office.memberAnalysis.rfm')}</Typography.Title>}>
      <Table
        size="small" rowKey="score" pagination={false} dataSource={rows} data-testid="member-analysis-rfm"
        columns={[
          { title: t('office.memberAnalysis.score'), key: 'score', render: (_, r) => <span className="num">{r.score}</span> },
          { title: t('office.memberAnalysis.recency'), key: 'recency', align: 'right', render: (_, r) => count(r.recency) },
          { title: t('office.memberAnalysis.frequency'), key: 'frequency', align: 'right', render: (_, r) => count(r.frequency) },
          { title: t('office.memberAnalysis.monetary'), key: 'monetary', align: 'right', render: (_, r) => count(r.monetary) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('office.memberAnalysis.rfmHow', { count: report.rfm.members })}</Typography.Paragraph>
    </Card>
  );
}
