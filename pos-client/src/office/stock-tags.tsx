import { Tag } from 'antd';
import type { RequisitionStatus } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';

/** Dark tag colours: white text on each meets WCAG AA, where antd's light preset colours do not. */
const requisitionColour: Record<RequisitionStatus, string | undefined> = {
  asked: '#874d00',
  allocated: '#0958d9',
  shipped: '#531dab',
  received: '#237804',
  cancelled: undefined,
};

export function RequisitionStatusTag({ status }: { status: RequisitionStatus }) {
  const { t } = useI18n();
  return <Tag color={requisitionColour[status]} data-status={status}>{t(`office.stock.status.${status}`)}</Tag>;
}

export function ShipmentStatusTag({ status }: { status: 'in_transit' | 'received' }) {
  const { t } = useI18n();
  return <Tag color={status === 'received' ? '#237804' : '#531dab'} data-status={status}>{t(`office.stock.shipmentStatus.${status}`)}</Tag>;
}

export function AllocationStatusTag({ status }: { status: 'draft' | 'shipped' | 'cancelled' }) {
  const { t } = useI18n();
  return <Tag color={status === 'draft' ? '#874d00' : status === 'shipped' ? '#237804' : undefined} data-status={status}>{t(`office.stock.allocationStatus.${status}`)}</Tag>;
}

/** A requisition asked (or allocated) and not shipped for longer than the chain allows (未配送单据提醒). */
export function OverdueTag() {
  const { t } = useI18n();
  return <Tag color="#a8071a" data-testid="requisition-overdue">{t('office.stock.overdue')}</Tag>;
}

/** A difference as the store reads it: short in red, over in blue, none as a dash. */
export function DifferenceTag({ difference }: { difference: number | null }) {
  const { t } = useI18n();
  if (difference === null || difference === 0) return <span>—</span>;
  return difference < 0
    ? <Tag color="#a8071a" data-testid="shipment-short">{t('office.stock.short', { count: String(-difference) })}</Tag>
    : <Tag color="#0958d9" data-testid="shipment-over">{t('office.stock.over', { count: String(difference) })}</Tag>;
}
