import { Button, Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { storeLocalTime, type StoreEvent, type StoreRecord } from '@pos/shared';
import { useState } from 'react';
import { systemNow } from '../features/office-core/clock';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useStoreEvents, useStoreRecord } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { StateTag } from './state-tag';
import { HqErrorAlert } from './hq-error';
import { StoreActionModal, type StoreAction } from './store-action-modal';

/** One store: its details, its history (opened, closed, moved), and HQ's actions on it. */
export function StoreDetail({ id }: { id: string }) {
  const { t, pickName } = useI18n();
  const isHq = useOfficeUser().role === 'hq_admin';
  const store = useStoreRecord(id);
  const events = useStoreEvents(id);
  const [action, setAction] = useState<StoreAction | null>(null);
  const s = store.data;

  return (
    <section className="office-page">
      <a href={officeHash('stores')}>{t('office.stores.back')}</a>
      <HqErrorAlert error={store.error ?? events.error} />
      {s && (
        <>
          <Typography.Title level={1}>{`${s.code} · ${pickName(s)}`}</Typography.Title>
          {isHq && <StoreActions store={s} onAction={setAction} />}
          <Card title={t('office.stores.details')} style={{ marginBottom: 16 }}>
            <StoreFacts store={s} />
          </Card>
          <Card title={t('office.stores.history')}>
            <Timeline items={(events.data ?? []).map((e) => ({ key: e.id, color: e.kind === 'closed' ? 'red' : 'blue', content: <EventText event={e} /> }))} />
          </Card>
          <StoreActionModal store={s} action={action} today={storeLocalTime(systemNow().toISOString(), s.timeZone).date} onClose={() => setAction(null)} />
        </>
      )}
    </section>
  );
}

function StoreActions({ store, onAction }: { store: StoreRecord; onAction: (action: StoreAction) => void }) {
  const { t } = useI18n();
  const shown: StoreAction[] = store.active ? ['edit', 'franchisee', 'region', 'close'] : ['edit', 'region', 'reopen'];
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {shown.map((a) => <Button key={a} danger={a === 'close'} type={a === 'reopen' ? 'primary' : 'default'} onClick={() => onAction(a)}>{t(`office.stores.action.${a}`)}</Button>)}
    </Space>
  );
}

function StoreFacts({ store: s }: { store: StoreRecord }) {
  const { t, pickName } = useI18n();
  const region = s.regionNameZh === null ? '—' : pickName({ nameZh: s.regionNameZh, nameEn: s.regionNameEn ?? s.regionNameZh });
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('office.org.state')}>
        <StateTag active={s.active}>{s.active ? t('office.stores.open') : t('office.stores.closedOn', { date: s.closedOn ?? '' })}</StateTag>
      </Descriptions.Item>
      <Descriptions.Item label={t('office.stores.operation')}>{s.franchiseeName ?? t('office.stores.operation.direct')}</Descriptions.Item>
      <Descriptions.Item label={t('office.stores.region')}>{region}</Descriptions.Item>
      <Descriptions.Item label={t('office.org.address')}>{s.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('office.stores.openedOn')}>{s.openedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('office.stores.timeZone')}>{`${s.timeZone} · ${s.currency}`}</Descriptions.Item>
      <Descriptions.Item label={t('office.stores.connectivity')}>{t(`office.stores.connectivity.${s.connectivity}`)}</Descriptions.Item>
    </Descriptions>
  );
}

function EventText({ event: e }: { event: StoreEvent }) {
  const { t, pickName } = useI18n();
  // HQ sees every name, so an empty side is direct operation; a franchisee does not see other franchisees' names.
  const unnamed = t(useOfficeUser().role === 'hq_admin' ? 'office.stores.operation.direct' : 'office.stores.anotherFranchisee');
  const regionOf = (zh: string | null, en: string | null) => (zh === null ? t('office.stores.noRegion') : pickName({ nameZh: zh, nameEn: en ?? zh }));
  const what = {
    opened: t('office.stores.event.opened'),
    closed: t('office.stores.event.closed'),
    reopened: t('office.stores.event.reopened'),
    franchisee_changed: t('office.stores.event.franchisee', { from: e.fromFranchiseeName ?? unnamed, to: e.toFranchiseeName ?? unnamed }),
    region_changed: t('office.stores.event.region', { from: regionOf(e.fromRegionNameZh, e.fromRegionNameEn), to: regionOf(e.toRegionNameZh, e.toRegionNameEn) }),
  }[e.kind];
  return (
    <div>
      <Typography.Text strong>{e.effectiveOn}</Typography.Text> {what}
      {e.note && <div><Typography.Text type="secondary">{e.note}</Typography.Text></div>}
    </div>
  );
}
