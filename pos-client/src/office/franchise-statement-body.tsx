import { Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import type { FranchiseStatement, StatementLine } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { lineWords, netWords } from '../features/office-settlement/statement-text';
import { useI18n } from '../i18n/i18n-context';

type Sales = FranchiseStatement['sales'][number];
type StoredValue = FranchiseStatement['storedValue'][number];

const money = (minor: number) => <span className="num">{formatMoneyText(minor)}</span>;

/** What the statement comes to: who owes whom, and the total of each part. */
function StatementSummary({ statement }: { statement: FranchiseStatement }) {
  const { t } = useI18n();
  const net = netWords(statement);
  const { totals } = statement;
  const parts: [string, number][] = [
    [t('office.settlement.totals.royalty'), totals.royaltyMinor], [t('office.settlement.totals.goods'), totals.goodsMinor],
    [t('office.settlement.totals.storedValue'), totals.storedValueMinor], [t('office.settlement.totals.late'), totals.lateMinor],
    [t('office.settlement.totals.entered'), totals.feesMinor + totals.adjustmentsMinor],
  ];
  return (
    <Card size="small">
      <Row gutter={16} align="middle" wrap>
        <Col flex="300px">
          <Statistic title={t('office.settlement.net')} value={formatMoneyText(statement.netMinor)} />
          <Typography.Text strong data-testid="statement-net">{t(net.key, net.params)}</Typography.Text>
        </Col>
        <Col flex="auto">
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
            ...parts.map(([label, minor], i) => ({ key: String(i), label, children: money(minor) })),
            { key: 'rate', label: t('office.settlement.rate'), children: `${(statement.royaltyRateBp / 100).toFixed(2)}%` },
          ]} />
        </Col>
      </Row>
    </Card>
  );
}

interface Props {
  statement: FranchiseStatement;
  /** Takes a fee or adjustment off a draft; absent, lines cannot be removed. */
  onRemove?: (line: StatementLine) => void;
}

/** A statement's content: its net, its lines, and its net sales and stored value by store. */
export function FranchiseStatementBody({ statement, onRemove }: Props) {
  const { t, pickName } = useI18n();
  const storeName = (id: string | null) => {
    const store = statement.stores.find((s) => s.id === id);
    return store ? `${store.code} ${pickName(store)}` : '';
  };
  const lineColumns: TableColumnsType<StatementLine> = [
    { title: t('office.settlement.col.line'), key: 'line', render: (_, l) => { const w = lineWords(l, storeName); return t(w.key, w.params); } },
    { title: t('office.settlement.col.store'), key: 'store', width: 170, render: (_, l) => storeName(l.storeId) },
    { title: t('office.settlement.col.document'), key: 'document', width: 100, render: (_, l) => <span className="num">{l.documentNo ?? ''}</span> },
    { title: t('office.settlement.col.date'), key: 'date', width: 110, render: (_, l) => <span className="num">{l.date ?? ''}</span> },
    { title: t('office.settlement.col.amount'), key: 'amount', width: 130, align: 'right', render: (_, l) => money(l.amountMinor) },
  ];
  if (onRemove) {
    lineColumns.push({
      title: t('office.settlement.col.by'), key: 'by', width: 190,
      render: (_, l) => l.id && (
        <span>
          {l.enteredByName}{' '}
          <Popconfirm title={t('office.settlement.removeOne', { reason: l.reason ?? '' })} okText={t('office.settlement.remove')} cancelText={t('common.cancel')} onConfirm={() => onRemove(l)}>
            <Button size="small" type="link" danger aria-label={t('office.settlement.removeOne', { reason: l.reason ?? '' })}>{t('office.settlement.remove')}</Button>
          </Popconfirm>
        </span>
      ),
    });
  }
  const salesColumns: TableColumnsType<Sales> = [
    { title: t('office.settlement.col.store'), key: 'store', render: (_, s) => storeName(s.storeId) },
    { title: t('office.settlement.days'), key: 'days', render: (_, s) => <span className="num" style={{ whiteSpace: 'nowrap' }}>{`${s.from} – ${s.to}`}</span> },
    { title: t('office.settlement.netSales'), key: 'net', align: 'right', render: (_, s) => money(s.netSalesMinor) },
  ];
  const storedValueColumns: TableColumnsType<StoredValue> = [
    { title: t('office.settlement.col.store'), key: 'store', render: (_, s) => storeName(s.storeId) },
    { title: t('office.settlement.toppedUp'), key: 'in', align: 'right', render: (_, s) => money(s.toppedUpMinor) },
    { title: t('office.settlement.spent'), key: 'out', align: 'right', render: (_, s) => money(s.spentMinor) },
    { title: t('office.settlement.paidOut'), key: 'back', align: 'right', render: (_, s) => money(s.paidOutMinor) },
    { title: t('office.settlement.receivablesPaid'), key: 'paid', align: 'right', render: (_, s) => money(s.receivablesPaidMinor) },
  ];
  return (
    <Flex vertical gap={16}>
      <StatementSummary statement={statement} />
      <Card size="small" title={t('office.settlement.lines')} extra={<Typography.Text type="secondary">{t('office.settlement.linesHint')}</Typography.Text>}>
        <Table<StatementLine> rowKey={(l) => `${l.kind}-${l.figure}-${l.documentNo}-${l.periodKey}-${l.id}`} size="small" pagination={false} columns={lineColumns}
          dataSource={statement.lines} data-testid="statement-lines" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <Card size="small" title={t('office.settlement.sales')}>
            <Table<Sales> rowKey={(s) => `${s.storeId}-${s.from}`} size="small" pagination={false} columns={salesColumns} dataSource={statement.sales} data-testid="statement-sales"
              locale={{ emptyText: t('office.settlement.noStores') }} />
          </Card>
        </Col>
        <Col xs={24} xxl={14}>
          <Card size="small" title={t('office.settlement.storedValue')}>
            <Typography.Paragraph type="secondary" className="office-page-hint">{t('office.settlement.storedValueHint')}</Typography.Paragraph>
            <Table<StoredValue> rowKey="storeId" size="small" pagination={false} columns={storedValueColumns} dataSource={statement.storedValue}
              locale={{ emptyText: t('office.settlement.noStoredValue') }} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
