import { App, Button, Flex, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import type { FranchiseStatement } from '@pos/shared';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useStatement, useStatementActions } from '../features/office-settlement/use-franchise-statements';
import { useI18n } from '../i18n/i18n-context';
import { FranchiseStatementBody } from './franchise-statement-body';
import { HqErrorAlert } from './hq-error';
import { StatementLineForm } from './statement-line-form';

/** A statement's status as a tag: approved in dark green, a draft or preview in dark gold (both meet WCAG AA, antd's light presets do not). */
export function StatementStatusTag({ status }: { status: FranchiseStatement['status'] }) {
  const { t } = useI18n();
  return <Tag color={status === 'approved' ? '#237804' : '#874d00'}>{t(`office.settlement.status.${status}`)}</Tag>;
}

/** The statement's heading: number, franchisee, period and status, with what its status means. */
export function StatementHeading({ statement }: { statement: FranchiseStatement }) {
  const { t, locale } = useI18n();
  const note = statement.status === 'approved'
    ? t('office.settlement.approvedNote', { no: statement.no ?? '', name: statement.approvedByName ?? '', date: new Date(statement.approvedAt!).toLocaleDateString(locale) })
    : statement.status === 'draft' ? t('office.settlement.draftNote', { no: statement.no ?? '' }) : t('office.settlement.previewNote');
  return (
    <div>
      <Typography.Title level={2} className="office-statement-title">
        <Space wrap>
          {statement.no && <span className="num">{statement.no}</span>}
          <span>{`${statement.franchisee.code} ${statement.franchisee.name}`}</span>
          <span className="num">{`${statement.period.key} (${statement.period.from} – ${statement.period.to})`}</span>
          <StatementStatusTag status={statement.status} />
        </Space>
      </Typography.Title>
      <Typography.Text type="secondary">{note}</Typography.Text>
    </div>
  );
}

/** One saved statement: HQ adds fees and adjustments to a draft, approves or deletes it; anyone who reads it may export it. */
export function FranchiseStatementDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const isHq = useOfficeUser().role === 'hq_admin';
  const query = useStatement(id);
  const actions = useStatementActions();
  const statement = query.data;
  const editable = isHq && statement?.status === 'draft';
  const language = locale === 'en' ? 'en' : 'zh';
  const approve = () => actions.approve.mutate(id, { onSuccess: (s) => void message.success(t('office.settlement.approvedDone', { no: s.no ?? '' })) });
  const remove = () => actions.remove.mutate(id, { onSuccess: () => void (window.location.hash = officeHash('franchise-statements')) });
  const failure = query.error ?? actions.approve.error ?? actions.remove.error ?? actions.addLine.error ?? actions.removeLine.error ?? actions.exportFile.error;
  return (
    <Flex vertical gap={16}>
      <a href={officeHash('franchise-statements')}>{`← ${t('office.settlement.back')}`}</a>
      <HqErrorAlert error={failure} />
      {query.isPending && <Spin />}
      {statement && (
        <>
          <Flex justify="space-between" align="flex-start" gap={16} wrap>
            <StatementHeading statement={statement} />
            <Space wrap>
              {actions.mayExport && (['xlsx', 'csv'] as const).map((format) => (
                <Button key={format} disabled={actions.exportFile.isPending} data-testid={`statement-export-${format}`}
                  onClick={() => actions.exportFile.mutate({ statement, format, language })}>
                  {t(format === 'xlsx' ? 'office.settlement.exportXlsx' : 'office.settlement.exportCsv')}
                </Button>
              ))}
              {editable && (
                <Popconfirm title={t('office.settlement.deleteConfirm', { no: statement.no ?? '' })} okText={t('office.settlement.delete')} cancelText={t('common.cancel')} onConfirm={remove}>
                  <Button danger>{t('office.settlement.delete')}</Button>
                </Popconfirm>
              )}
              {editable && (
                <Popconfirm title={t('office.settlement.approveConfirm', { no: statement.no ?? '' })} okText={t('office.settlement.approve')} cancelText={t('common.cancel')} onConfirm={approve}>
                  <Button type="primary" loading={actions.approve.isPending} data-testid="statement-approve">{t('office.settlement.approve')}</Button>
                </Popconfirm>
              )}
            </Space>
          </Flex>
          {editable && <StatementLineForm busy={actions.addLine.isPending} onAdd={(line) => actions.addLine.mutateAsync({ id, line })} />}
          <FranchiseStatementBody statement={statement} onRemove={editable ? (line) => actions.removeLine.mutate({ id, lineId: line.id! }) : undefined} />
        </>
      )}
    </Flex>
  );
}
