import { Alert, Card, Table, Typography } from 'antd';
import type { StoredValueFloat } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';
import { useHqErrorText } from './hq-error';

type Part = StoredValueFloat['parts'][number];

/** The stored value owed to members now (储值余额), by franchisee and in total, every figure as text. */
export function StoredValueFloatCard({ float, error }: { float: StoredValueFloat | undefined; error: Error | null }) {
  const { t, locale } = useI18n();
  const errorText = useHqErrorText();
  const money = (minor: number) => <span className="num">{formatMoneyText(minor)}</span>;
  return (
    <Card title={<Typography.Title level={2}>{t('office.memberAnalysis.float')}</Typography.Title>}
      extra={float && <span className="num">{t('office.memberAnalysis.floatAsOf', { time: new Date(float.asOf).toLocaleString(locale) })}</span>}>
      {error && <Alert type="error" showIcon role="alert" title={errorText(error)} />}
      <Table<Part>
        size="small" rowKey={(p) => p.franchiseeId ?? 'chain'} pagination={false} dataSource={float?.parts ?? []} loading={!float && !error} data-testid="stored-value-float"
        columns={[
          { title: t('office.memberAnalysis.franchisee'), key: 'franchisee', render: (_, p) => (p.franchiseeId === null ? t('office.memberAnalysis.chainOwn') : `${p.code ?? ''} ${p.name ?? ''}`.trim()) },
          { title: t('office.memberAnalysis.balance'), key: 'balance', align: 'right', render: (_, p) => money(p.balanceMinor) },
          { title: t('office.memberAnalysis.bonus'), key: 'bonus', align: 'right', render: (_, p) => money(p.bonusMinor) },
          { title: t('office.memberAnalysis.own'), key: 'own', align: 'right', render: (_, p) => money(p.ownMinor) },
        ]}
        summary={() => float && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><strong>{t('office.memberAnalysis.total')}</strong></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><strong>{money(float.total.balanceMinor)}</strong></Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{money(float.total.bonusMinor)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{money(float.total.ownMinor)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('office.memberAnalysis.floatHint')}</Typography.Paragraph>
    </Card>
  );
}
