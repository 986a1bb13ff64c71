import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { CATALOG_BEHIND_CAP, type Store, type TillMonitorRow } from '@pos/shared';
import { useOfficeUser } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { ageOf } from '../features/office-till-monitor/till-age';
import { useTillMonitor } from '../features/office-till-monitor/till-monitor-api';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';
import { TillRejectionsTable } from './till-rejections-table';
import { TillSyncSettingsCard } from './till-sync-settings-card';

/**
 * What HQ knows of every till in scope, store by store (设备监控): when each last reached HQ, the
 * documents it still holds and the oldest's age, how far behind its catalog is, its version and
 * last error, and the documents HQ rejected with what a manager can do about them; above, the
 * tills silent for longer than the chain allows.
 */
export function TillMonitorScreen() {
  const { t, locale, pickName } = useI18n();
  const user = useOfficeUser();
  const stores = useScopeStores();
  const { monitor, resend, accept } = useTillMonitor();
  const data = monitor.data;
  const storeOf = (id: string): Store | undefined => stores.data?.find((s) => s.id === id);
  const storeLabel = (id: string) => {
    const store = storeOf(id);
    return store ? `${store.code} · ${pickName(store)}` : id;
  };
  const age = (iso: string) => {
    const { unit, value } = ageOf(iso, data?.asOf ?? iso);
    return t(`office.tillMonitor.age.${unit}`, { count: value });
  };
  const silent = data?.tills.filter((till) => till.silent) ?? [];
  const byStore = [...new Set(data?.tills.map((till) => till.storeId))].sort((a, b) => storeLabel(a).localeCompare(storeLabel(b)));

  const columns = [
    {
      key: 'till', width: '22%', title: t('office.tillMonitor.till'),
      render: (_: unknown, till: TillMonitorRow) => (
        <span>
          <strong className="num">{till.deviceCode}</strong> · {till.deviceName}
          {till.revoked && <Tag className="office-tag-gap">{t('office.tillMonitor.revoked')}</Tag>}
        </span>
      ),
    },
    {
      key: 'contact', width: '13%', title: t('office.tillMonitor.lastContact'),
      render: (_: unknown, till: TillMonitorRow) =>
        till.lastContactAt ? (
          <span title={formatDateTime(locale, till.lastContactAt)}>
            {age(till.lastContactAt)}
            {till.silent && <Tag color="error" className="office-tag-gap">{t('office.tillMonitor.silent')}</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('office.tillMonitor.never')}</Typography.Text>
        ),
    },
    {
      key: 'waiting', width: '18%', title: t('office.tillMonitor.waiting'),
      render: (_: unknown, till: TillMonitorRow) => {
        if (!till.report) return <Typography.Text type="secondary">—</Typography.Text>;
        if (till.report.waitingCount === 0) return <span data-waiting="0">{t('office.tillMonitor.nothingWaiting')}</span>;
        return (
          <span data-waiting={till.report.waitingCount}>
            <Tag color="warning">{t('office.tillMonitor.waitingCount', { count: till.report.waitingCount })}</Tag>
            {till.report.oldestWaitingAt && t('office.tillMonitor.oldest', { age: age(till.report.oldestWaitingAt) })}
          </span>
        );
      },
    },
    {
      key: 'behind', width: '12%', title: t('office.tillMonitor.catalogBehind'),
      render: (_: unknown, till: TillMonitorRow) => {
        if (till.catalogBehind === null) return <Typography.Text type="secondary">—</Typography.Text>;
        if (till.catalogBehind === 0) return t('office.tillMonitor.upToDate');
        const count = till.catalogBehind >= CATALOG_BEHIND_CAP ? `${CATALOG_BEHIND_CAP}+` : String(till.catalogBehind);
        return t('office.tillMonitor.changesBehind', { count });
      },
    },
    {
      key: 'version', width: '11%', title: t('office.tillMonitor.version'),
      render: (_: unknown, till: TillMonitorRow) =>
        till.report ? (
          <span>
            <span className="num">{till.report.appVersion}</span>
            {till.versionRefused && <Tag color="error" className="office-tag-gap">{t('office.tillMonitor.versionRefused')}</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('office.tillMonitor.versionUnknown')}</Typography.Text>
        ),
    },
    {
      key: 'error', width: '15%', title: t('office.tillMonitor.lastError'),
      render: (_: unknown, till: TillMonitorRow) =>
        till.report?.lastError ? (
          <span title={till.report.lastError.message}>
            <code>{till.report.lastError.code}</code> · {age(till.report.lastError.at)}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'rejected', width: '9%', title: t('office.tillMonitor.rejected'),
      render: (_: unknown, till: TillMonitorRow) =>
        till.rejections.length ? <Tag color="error">{t('office.tillMonitor.rejectedCount', { count: till.rejections.length })}</Tag> : <Typography.Text type="secondary">0</Typography.Text>,
    },
  ];

  return (
    <OfficePage title={t('office.tillMonitor.title')} hint={t('office.tillMonitor.hint')}>
      <HqErrorAlert error={monitor.error ?? stores.error} className="office-alert" />
      {data && (
        <Alert
          data-testid="silent-tills"
          type={silent.length ? 'error' : 'success'}
          showIcon
          title={silent.length ? t('office.tillMonitor.silentTitle', { count: silent.length, minutes: data.settings.silentAfterMinutes }) : t('office.tillMonitor.noneSilent', { minutes: data.settings.silentAfterMinutes })}
          description={
            silent.length > 0 && (
              <ul className="office-plain-list">
                {silent.map((till) => (
                  <li key={till.deviceId} data-device={till.deviceCode}>
                    {storeLabel(till.storeId)} · <span className="num">{till.deviceCode}</span> {till.deviceName} —{' '}
                    {till.lastContactAt ? t('office.tillMonitor.silentSince', { age: age(till.lastContactAt) }) : t('office.tillMonitor.never')}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {byStore.map((storeId) => {
        const tills = data?.tills.filter((till) => till.storeId === storeId) ?? [];
        return (
          <Card key={storeId} data-testid="till-monitor-store" data-store={storeOf(storeId)?.code} title={<Typography.Title level={2}>{storeLabel(storeId)}</Typography.Title>}>
            <Table<TillMonitorRow>
              rowKey="deviceId"
              size="middle"
              tableLayout="fixed"
              pagination={false}
              dataSource={tills}
              columns={columns}
              onRow={(till) => ({ 'data-device': till.deviceCode, 'data-silent': String(till.silent), 'data-rejected': till.rejections.length }) as HTMLAttributes<HTMLElement>}
              expandable={{
                rowExpandable: (till) => till.rejections.length > 0,
                expandedRowRender: (till) => <TillRejectionsTable till={till} resend={resend} accept={accept} age={age} />,
                expandedRowKeys: tills.filter((till) => till.rejections.length > 0).map((till) => till.deviceId),
                showExpandColumn: false,
              }}
            />
          </Card>
        );
      })}
      {data && byStore.length === 0 && <Card className="office-placeholder">{t('office.tillMonitor.none')}</Card>}
      {user.role === 'hq_admin' && <TillSyncSettingsCard />}
    </OfficePage>
  );
}
