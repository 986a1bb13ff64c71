import { App, Button, Card, Empty, Flex, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import { recentSettlementPeriods, type FranchiseStatementSummary } from '@pos/shared';
import { useState } from 'react';
import { systemNow } from '../features/office-core/clock';
import { formatMoneyText } from '../features/office-core/format-amount';
import { localDate } from '../features/office-core/local-date';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useFranchiseeChoices } from '../features/office-org/org-queries';
import { netWords } from '../features/office-settlement/statement-text';
import { useStatementActions, useStatementList, useStatementPreview } from '../features/office-settlement/use-franchise-statements';
import { useI18n } from '../i18n/i18n-context';
import { FranchiseStatementBody } from './franchise-statement-body';
import { FranchiseStatementDetail, StatementHeading, StatementStatusTag } from './franchise-statement-detail';
import { HqErrorAlert } from './hq-error';
import type { OfficeScreenProps } from './office-sections';
import { OfficePage } from './office-page';

/** HQ picks a franchisee and one of their recent periods, previews the statement and saves it as a draft. */
function DraftStatement({ franchiseeId, onFranchisee }: { franchiseeId: string | null; onFranchisee: (id: string | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [today] = useState(() => localDate(systemNow()));
  const choices = useFranchiseeChoices(true);
  const chosen = choices.data?.items.find((f) => f.id === franchiseeId);
  const periods = chosen ? recentSettlementPeriods(chosen.settlementCycle, today, 12) : [];
  const [period, setPeriod] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const preview = useStatementPreview(previewing ? franchiseeId : null, previewing ? period : null);
  const { draft } = useStatementActions();
  const save = () => draft.mutate({ franchiseeId: franchiseeId!, period: period! }, {
    onSuccess: (saved) => {
      void message.success(t('office.settlement.saved', { no: saved.no ?? '' }));
      window.location.hash = officeHash('franchise-statements', saved.id!);
    },
  });
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form layout="inline" className="office-filters">
          <Form.Item label={t('office.settlement.franchisee')} htmlFor="statement-franchisee">
            <Select id="statement-franchisee" allowClear style={{ width: 300 }} placeholder={t('office.settlement.allFranchisees')} value={franchiseeId} loading={choices.isPending}
              options={choices.data?.items.map((f) => ({ value: f.id, label: `${f.code} ${f.name}` }))}
              onChange={(id: string | undefined) => { onFranchisee(id ?? null); setPeriod(null); setPreviewing(false); }} />
          </Form.Item>
          <Form.Item label={t('office.settlement.period')} htmlFor="statement-period">
            <Select id="statement-period" style={{ width: 270 }} value={period} disabled={!chosen} data-testid="statement-period"
              options={periods.map((p) => ({ value: p.key, label: `${p.key} (${p.from} – ${p.to})` }))}
              onChange={(key: string) => { setPeriod(key); setPreviewing(false); }} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button disabled={!chosen || !period} onClick={() => setPreviewing(true)} data-testid="statement-preview">{t('office.settlement.preview')}</Button>
              <Button type="primary" disabled={!chosen || !period} loading={draft.isPending} onClick={save} data-testid="statement-save">{t('office.settlement.saveDraft')}</Button>
            </Flex>
          </Form.Item>
        </Form>
        {!previewing && <Typography.Text type="secondary">{t('office.settlement.choose')}</Typography.Text>}
      </Card>
      <HqErrorAlert error={preview.error ?? draft.error} />
      {preview.data && (
        <>
          <StatementHeading statement={preview.data} />
          <FranchiseStatementBody statement={preview.data} />
        </>
      )}
    </Flex>
  );
}

/** The statements the user sees, the latest period first; one opens at `#/office/franchise-statements/<id>`. */
function StatementList({ franchiseeId }: { franchiseeId: string | null }) {
  const { t, locale } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const table = useStatementList(franchiseeId);
  const columns: TableColumnsType<FranchiseStatementSummary> = [
    { title: t('office.settlement.no'), key: 'no', width: 100, sorter: true, render: (_, s) => <a href={officeHash('franchise-statements', s.id)} aria-label={t('office.settlement.openOne', { no: s.no })}><span className="num">{s.no}</span></a> },
    ...(isHq ? [{ title: t('office.settlement.franchisee'), key: 'franchisee', render: (_: unknown, s: FranchiseStatementSummary) => `${s.franchisee.code} ${s.franchisee.name}` }] : []),
    {
      title: t('office.settlement.period'), key: 'period', width: 190, sorter: true,
      render: (_, s) => (
        <Flex vertical>
          <span className="num">{s.period.key}</span>
          <Typography.Text type="secondary" className="num" style={{ whiteSpace: 'nowrap' }}>{`${s.period.from} – ${s.period.to}`}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('office.settlement.status'), key: 'status', width: 100, render: (_, s) => <StatementStatusTag status={s.status} /> },
    {
      title: t('office.settlement.net'), key: 'net', render: (_, s) => {
        if (s.netMinor === null) return <Typography.Text type="secondary">{t('office.settlement.netWhenOpened')}</Typography.Text>;
        const words = netWords({ netMinor: s.netMinor, franchisee: s.franchisee });
        return <span>{t(words.key, words.params)}</span>;
      },
    },
    { title: t('office.settlement.approvedAt'), key: 'approvedAt', width: 130, render: (_, s) => (s.approvedAt ? new Date(s.approvedAt).toLocaleDateString(locale) : '') },
  ];
  return (
    <Card size="small" title={t('office.settlement.list')}>
      <HqErrorAlert error={table.query.error} />
      <Table<FranchiseStatementSummary> rowKey="id" size="small" columns={columns} {...table.tableProps} data-testid="franchise-statements-table"
        locale={{ emptyText: <Empty description={t(isHq ? 'office.settlement.none' : 'office.settlement.noneOwn')} /> }} />
    </Card>
  );
}

/**
 * Franchise statements (加盟店结算): HQ previews, drafts, completes and approves a franchisee's
 * statement of a settlement period; a franchisee reads and exports their approved ones.
 */
export function FranchiseStatementsScreen({ rest }: OfficeScreenProps) {
  const { t } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const [franchiseeId, setFranchiseeId] = useState<string | null>(null);
  const id = rest[0] ?? null;
  return (
    <OfficePage title={t('office.settlement.title')} hint={t(isHq ? 'office.settlement.hint' : 'office.settlement.ownHint')}>
      {id ? <FranchiseStatementDetail id={id} /> : (
        <Flex vertical gap={16}>
          {isHq && <DraftStatement franchiseeId={franchiseeId} onFranchisee={setFranchiseeId} />}
          <StatementList franchiseeId={franchiseeId} />
        </Flex>
      )}
    </OfficePage>
  );
}
