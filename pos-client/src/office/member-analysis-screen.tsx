import { Alert, Button, Card, Form, InputNumber, Select, Space, Spin, Statistic, Typography } from 'antd';
import type { MemberAnalysis } from '@pos/shared';
import { useState } from 'react';
import { systemNow } from '../features/office-core/clock';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useMemberLevels } from '../features/office-core/office-queries';
import type { AnalysisQuestion, RangePreset } from '../features/office-member-analysis/member-analysis-params';
import { useMemberAnalysis } from '../features/office-member-analysis/use-member-analysis';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { AnalysedMemberListCard } from './analysed-member-list';
import { useHqErrorText } from './hq-error';
import { LifecycleCard, RfmCard, ValueClassCard } from './member-analysis-summaries';
import { OfficePage } from './office-page';
import { RangeField, StoreField } from './report-parts';
import { StoredValueFloatCard } from './stored-value-float-card';

const presets: RangePreset[] = [30, 90, 365];

type NumberField = 'classAUpToPercent' | 'classBUpToPercent' | 'newDays' | 'lapsingMonths' | 'lostMonths';
const thresholds: { field: NumberField; label: MessageKey; min: number; max: number }[] = [
  { field: 'classAUpToPercent', label: 'office.memberAnalysis.classAUpTo', min: 1, max: 99 },
  { field: 'classBUpToPercent', label: 'office.memberAnalysis.classBUpTo', min: 2, max: 100 },
  { field: 'newDays', label: 'office.memberAnalysis.newDays', min: 1, max: 365 },
  { field: 'lapsingMonths', label: 'office.memberAnalysis.lapsingMonths', min: 1, max: 36 },
  { field: 'lostMonths', label: 'office.memberAnalysis.lostMonths', min: 2, max: 60 },
];

/**
 * Member analysis (会员分析): the members in view by value class (A/B/C), RFM score and lifecycle
 * state over a period, charted with every figure also in a table; the members themselves, filtered
 * and exported; and the stored value owed to members.
 */
export function MemberAnalysisScreen() {
  const { t } = useI18n();
  const errorText = useHqErrorText();
  const [today] = useState(systemNow);
  const a = useMemberAnalysis(today);
  const report = a.analysis.data;
  return (
    <OfficePage title={t('office.memberAnalysis.title')} hint={t('office.memberAnalysis.hint')}>
      <Filters a={a} />
      {a.problem && <Alert type="warning" showIcon role="alert" title={t(`office.memberAnalysis.problem.${a.problem}` as MessageKey)} />}
      {a.analysis.error && (
        <Alert type="error" showIcon role="alert" title={errorText(a.analysis.error)} action={<Button size="small" onClick={() => void a.analysis.refetch()}>{t('common.retry')}</Button>} />
      )}
      {a.analysis.isPending && !a.problem && <Spin className="office-loading" aria-label={t('office.loading')} />}
      {report && (
        <div className={a.analysis.isFetching ? 'office-stack office-stale' : 'office-stack'}>
          <Kpis report={report} />
          <div className="office-chart-grid-2">
            <ValueClassCard report={report} question={a.question} showOnly={a.showOnly} />
            <LifecycleCard report={report} question={a.question} showOnly={a.showOnly} />
          </div>
          <div className="office-chart-grid-2">
            <RfmCard report={report} />
            <StoredValueFloatCard float={a.float.data} error={a.float.error} />
          </div>
          <AnalysedMemberListCard a={a} />
        </div>
      )}
    </OfficePage>
  );
}

function Filters({ a }: { a: ReturnType<typeof useMemberAnalysis> }) {
  const { t, pickName } = useI18n();
  const levels = useMemberLevels();
  const q = a.question;
  return (
    <Card size="small">
      <Form layout="inline" className="office-filters">
        <RangeField id="member-analysis-range" range={q} onChange={(range) => a.ask(range)} />
        <Form.Item>
          <Space wrap size={4}>
            {presets.map((days) => <Button key={days} size="small" onClick={() => a.preset(days)}>{t('office.memberAnalysis.preset', { days })}</Button>)}
          </Space>
        </Form.Item>
        <StoreField id="member-analysis-store" storeId={q.storeId ?? undefined} onChange={(storeId) => a.ask({ storeId })} />
        <Form.Item label={t('office.memberAnalysis.level')} htmlFor="member-analysis-level">
          <Select
            id="member-analysis-level" style={{ minWidth: 160 }} value={q.levelId ?? ''} onChange={(levelId) => a.ask({ levelId: levelId === '' ? null : levelId })}
            options={[{ value: '', label: t('office.memberAnalysis.allLevels') }, ...(levels.data ?? []).map((l) => ({ value: l.id, label: pickName(l) }))]}
          />
        </Form.Item>
        {thresholds.map(({ field, label, min, max }) => (
          <Form.Item key={field} label={t(label)} htmlFor={`member-analysis-${field}`}>
            <InputNumber<number>
              id={`member-analysis-${field}`} min={min} max={max} precision={field.endsWith('Percent') ? 1 : 0} style={{ width: 80 }}
              value={q[field]} onChange={(value) => { if (value !== null) a.ask({ [field]: value } as Partial<AnalysisQuestion>); }}
            />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}

function Kpis({ report }: { report: MemberAnalysis }) {
  const { t } = useI18n();
  const { members, spendMinor } = report.classified;
  const kpis = [
    { key: 'members', label: t('office.memberAnalysis.members'), value: formatCount(report.members) },
    { key: 'spenders', label: t('office.memberAnalysis.spenders'), value: formatCount(members) },
    { key: 'spend', label: t('office.memberAnalysis.spend'), value: formatMoneyText(spendMinor) },
    { key: 'perMember', label: t('office.memberAnalysis.perMember'), value: members === 0 ? '—' : formatMoneyText(Math.round(spendMinor / members)) },
  ];
  return (
    <>
      <div className="office-kpis">
        {kpis.map((k) => <Card key={k.key} size="small" data-testid={`member-analysis-kpi-${k.key}`}><Statistic title={k.label} value={k.value} className="num" /></Card>)}
      </div>
      <Typography.Text type="secondary">{report.wholeChain ? t('office.memberAnalysis.wholeChain') : t('office.memberAnalysis.scoped')}</Typography.Text>
    </>
  );
}
