import { Descriptions, Drawer, Table, Typography } from 'antd';
import { minor, type ShiftDetail, type ShiftMovementRecord } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime, formatMoney } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';
import { Difference } from './shifts-screen';

/** One shift: who and when, its cash movements with their reasons, and once closed the Z figures and the count. */
export function ShiftDrawer({ open, detail, error, onClose }: { open: boolean; detail: ShiftDetail | null; error: unknown; onClose: () => void }) {
  const { t, locale, pickName } = useI18n();
  const currency = detail?.shift.currency ?? 'CNY';
  const money = (amount: number) => <span className="num">{formatMoney(minor(amount), currency)}</span>;
  const clerk = (c: { name: string; code: string } | null) => (c ? `${c.name} (${c.code})` : '—');
  const totals = detail?.close?.totals;
  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('office.shifts.detail')} data-testid="shift-drawer">
      <HqErrorAlert error={error} />
      {detail && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('office.shifts.colStore')}>{detail.shift.storeCode}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colTill')}>{detail.shift.deviceCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colCashier')}>{clerk(detail.shift.cashier)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.closedBy')}>{clerk(detail.close?.closedBy ?? null)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colOpened')}>{formatDateTime(locale, detail.shift.openedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.closedAt')}>{detail.shift.closedAt ? formatDateTime(locale, detail.shift.closedAt) : t('office.shifts.open')}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colFloat')}>{money(detail.shift.floatMinor)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colSales')}>{money(detail.shift.salesMinor)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colExpected')}>{detail.shift.expectedCashMinor === null ? '—' : money(detail.shift.expectedCashMinor)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colCounted')}>{detail.shift.countedCashMinor === null ? '—' : money(detail.shift.countedCashMinor)}</Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.colDifference')}><Difference minorUnits={detail.shift.differenceMinor} currency={currency} /></Descriptions.Item>
            <Descriptions.Item label={t('office.shifts.documentsWaiting')}>
              <span data-testid="shift-documents-waiting">{detail.shift.documentsWaiting ?? '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('office.shifts.movements')}</Typography.Title>
          <Table<ShiftMovementRecord>
            rowKey="id" size="small" pagination={false} dataSource={detail.movements}
            locale={{ emptyText: t('office.shifts.noMovements') }}
            columns={[
              { title: t('office.shifts.colAt'), key: 'at', render: (_, m) => <span className="num">{formatDateTime(locale, m.at)}</span> },
              { title: t('office.shifts.colDirection'), key: 'direction', render: (_, m) => t(m.direction === 'in' ? 'office.shifts.cashIn' : 'office.shifts.cashOut') },
              { title: t('office.shifts.colReason'), key: 'reason', render: (_, m) => (m.reason ? pickName(m.reason) : '—') },
              { title: t('office.shifts.colAmount'), key: 'amount', align: 'right', render: (_, m) => money(m.amountMinor) },
              { title: t('office.shifts.colNote'), key: 'note', render: (_, m) => m.note ?? '' },
              { title: t('office.shifts.colApprovedBy'), key: 'approvedBy', render: (_, m) => clerk(m.approvedBy) },
            ]}
          />
          {totals && (
            <>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('office.shifts.zFigures')}</Typography.Title>
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label={t('office.shifts.tickets')}>{totals.ticketCount}</Descriptions.Item>
                <Descriptions.Item label={t('office.shifts.gross')}>{money(totals.grossMinor)}</Descriptions.Item>
                <Descriptions.Item label={t('office.shifts.discount')}>{money(totals.discountMinor)}</Descriptions.Item>
                <Descriptions.Item label={t('office.shifts.rounding')}>{money(totals.roundingMinor)}</Descriptions.Item>
                <Descriptions.Item label={t('office.shifts.refunds')}>{money(totals.refundsMinor)}</Descriptions.Item>
                <Descriptions.Item label={t('office.shifts.net')}>{money(totals.netMinor)}</Descriptions.Item>
                {totals.byTender.map((tender) => (
                  <Descriptions.Item key={tender.tender} label={t(`office.shifts.tender.${tender.tender}`)}>{money(tender.amountMinor)}</Descriptions.Item>
                ))}
              </Descriptions>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
