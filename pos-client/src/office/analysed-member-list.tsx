import { Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { MemberLifecycle, type AnalysedMember } from '@pos/shared';
import { useState } from 'react';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { officeHash } from '../features/office-core/office-route';
import { emptyFilter, type ListFilter, type ListSort } from '../features/office-member-analysis/member-analysis-params';
import type { useMemberAnalysis } from '../features/office-member-analysis/use-member-analysis';
import { useI18n } from '../i18n/i18n-context';
import { useHqErrorText } from './hq-error';
import { classColour, classLabel, lifecycleColour, lifecycleLabel } from './member-analysis-summaries';
import { MemberCampaignModal } from './member-campaign-modal';
import { ExportRefusal, ScrollRegion } from './report-parts';

type Analysis = ReturnType<typeof useMemberAnalysis>;

const scores = [5, 4, 3, 2, 1];
const sortKeys: readonly ListSort['sort'][] = ['spend', 'tickets', 'lastPurchase'];

/** The members the analysis found, filtered by class, lifecycle and RFM scores, paged by HQ; the filtered list exports as a spreadsheet, and HQ can message it. */
export function AnalysedMemberListCard({ a }: { a: Analysis }) {
  const { t, locale } = useI18n();
  const [messaging, setMessaging] = useState(false);
  const errorText = useHqErrorText();
  const { filter, sort } = a;
  const list = a.members.data;
  const language = locale === 'en' ? 'en' : 'zh';
  const sortOrder = (key: ListSort['sort']) => (sort.sort === key ? (sort.order === 'asc' ? 'ascend' as const : 'descend' as const) : null);
  const choice = (id: keyof ListFilter, label: string, options: { value: string | number; label: string }[]) => (
    <Form.Item label={label} htmlFor={`member-list-${id}`}>
      <Select<(string | number)[]>
        id={`member-list-${id}`} mode="multiple" allowClear style={{ minWidth: 150 }} placeholder={t('office.memberAnalysis.any')} options={options}
        value={filter[id] as (string | number)[]} onChange={(values) => a.setFilter({ [id]: values } as Partial<ListFilter>)}
      />
    </Form.Item>
  );
  const scoreOptions = scores.map((s) => ({ value: s, label: String(s) }));
  const columns: ColumnsType<AnalysedMember> = [
    { title: t('office.memberAnalysis.card'), key: 'card', render: (_, m) => <span className="num">{m.cardNo ?? '—'}</span> },
    { title: t('office.memberAnalysis.name'), key: 'name', render: (_, m) => <a href={officeHash('members', m.memberId)}>{m.name}</a> },
    { title: t('office.memberAnalysis.phone'), key: 'phone', render: (_, m) => <span className="num">{m.phoneMasked ?? '—'}</span> },
    { title: t('office.memberAnalysis.level'), key: 'level', render: (_, m) => (locale === 'en' ? m.level.nameEn : m.level.nameZh) },
    { title: t('office.memberAnalysis.valueClass'), key: 'class', render: (_, m) => (m.valueClass ? <Tag variant="solid" color={classColour[m.valueClass]}>{t(classLabel(m.valueClass))}</Tag> : <Tag>{t(classLabel('none'))}</Tag>) },
    { title: t('office.memberAnalysis.lifecycle'), key: 'lifecycle', render: (_, m) => (m.lifecycle === 'never' ? <Tag>{t(lifecycleLabel(m.lifecycle))}</Tag> : <Tag variant="solid" color={lifecycleColour[m.lifecycle]}>{t(lifecycleLabel(m.lifecycle))}</Tag>) },
    { title: 'RFM', key: 'rfm', render: (_, m) => <span className="num">{m.rfm ? t('office.memberAnalysis.rfmText', { r: m.rfm.recency, f: m.rfm.frequency, m: m.rfm.monetary }) : '—'}</span> },
    { title: t('office.memberAnalysis.spend'), key: 'spend', align: 'right', sorter: true, sortOrder: sortOrder('spend'), render: (_, m) => <span className="num">{formatMoneyText(m.spendMinor)}</span> },
    { title: t('office.memberAnalysis.tickets'), key: 'tickets', align: 'right', sorter: true, sortOrder: sortOrder('tickets'), render: (_, m) => <span className="num">{formatCount(m.tickets)}</span> },
    { title: t('office.memberAnalysis.lastPurchase'), key: 'lastPurchase', sorter: true, sortOrder: sortOrder('lastPurchase'), render: (_, m) => <span className="num">{m.lastPurchase ?? '—'}</span> },
    { title: t('office.memberAnalysis.consent'), key: 'consent', render: (_, m) => (m.consentToMessages ? t('office.memberAnalysis.consentYes') : t('office.memberAnalysis.consentNo')) },
  ];
  const onSort = (sorter: SorterResult<AnalysedMember> | SorterResult<AnalysedMember>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = sortKeys.find((k) => k === one?.columnKey);
    a.setSort(key && one?.order ? { sort: key, order: one.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'spend', order: 'desc' });
  };
  const filtered = JSON.stringify(filter) !== JSON.stringify(emptyFilter);
  return (
    <Card
      title={<Typography.Title level={2}>{t('office.memberAnalysis.list')}{list ? ` · ${formatCount(list.total)}` : ''}</Typography.Title>}
      extra={(a.mayExport || a.mayMessage) && (
        <Space>
          {a.mayMessage && (
            <Button data-testid="member-analysis-message" disabled={!list || list.total === 0} onClick={() => { a.campaign.reset(); setMessaging(true); }}>{t('office.memberCampaign.open')}</Button>
          )}
          {a.mayExport && (
            <>
              <Button data-testid="member-analysis-export-xlsx" disabled={!list || list.total === 0 || a.exporting.isPending} onClick={() => a.exportAs('xlsx', language)}>{t('office.memberAnalysis.exportXlsx')}</Button>
              <Button data-testid="member-analysis-export-csv" disabled={!list || list.total === 0 || a.exporting.isPending} onClick={() => a.exportAs('csv', language)}>{t('office.memberAnalysis.exportCsv')}</Button>
            </>
          )}
        </Space>
      )}
    >
      {messaging && list && <MemberCampaignModal a={a} members={list.total} onClose={() => setMessaging(false)} />}
      <ExportRefusal error={a.exporting.error} />
      <Form layout="inline" className="office-filters">
        {choice('valueClass', t('office.memberAnalysis.valueClass'), (['A', 'B', 'C', 'none'] as const).map((c) => ({ value: c, label: t(classLabel(c)) })))}
        {choice('lifecycle', t('office.memberAnalysis.lifecycle'), MemberLifecycle.options.map((s) => ({ value: s, label: t(lifecycleLabel(s)) })))}
        {choice('recency', t('office.memberAnalysis.recency'), scoreOptions)}
        {choice('frequency', t('office.memberAnalysis.frequency'), scoreOptions)}
        {choice('monetary', t('office.memberAnalysis.monetary'), scoreOptions)}
        <Form.Item><Button onClick={() => a.showOnly({})} disabled={!filtered}>{t('office.memberAnalysis.clearFilters')}</Button></Form.Item>
      </Form>
      {a.members.error && <Typography.Paragraph type="danger" role="alert">{errorText(a.members.error)}</Typography.Paragraph>}
      <ScrollRegion label={t('office.memberAnalysis.list')}>
        <Table<AnalysedMember>
          data-testid="member-analysis-members" size="small" rowKey="memberId" columns={columns} dataSource={list?.items ?? []} loading={a.members.isFetching}
          pagination={{ current: a.page, pageSize: a.pageSize, total: list?.total ?? 0, showSizeChanger: false, onChange: a.setPage }}
          onChange={(_pagination, _filters, sorter, extra) => { if (extra.action === 'sort') onSort(sorter); }}
          locale={{ emptyText: t('office.memberAnalysis.empty') }}
        />
      </ScrollRegion>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('office.memberAnalysis.listHint')}</Typography.Paragraph>
    </Card>
  );
}
