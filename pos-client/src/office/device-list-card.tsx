import { Button, Card, Modal, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import type { DeviceSummary } from '@pos/shared';
import { formatDateTime } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

interface DeviceListCardProps {
  devices: DeviceSummary[] | undefined;
  loading: boolean;
  storeLabel: (storeId: string) => string;
  error: unknown;
  /** The device being revoked, if any. */
  revoking: string | null | undefined;
  rearmBusy: boolean;
  onRevoke: (deviceId: string) => void;
  onRearm: (device: DeviceSummary) => void;
}

/** The tills in scope; revoking one asks first, and a revoked one can get a new pairing code. */
export function DeviceListCard({ devices, loading, storeLabel, error, revoking, rearmBusy, onRevoke, onRearm }: DeviceListCardProps) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  const stateText = (d: DeviceSummary) =>
    d.state === 'revoked' && d.revokedAt ? t('office.devices.state.revoked', { time: formatDateTime(locale, d.revokedAt) }) : t(`office.devices.state.${d.state}`);
  const rowState = (d: DeviceSummary): HTMLAttributes<HTMLElement> => ({ 'data-device-state': d.state } as HTMLAttributes<HTMLElement>);

  return (
    <Card data-testid="device-list" title={<Typography.Title level={2}>{t('office.devices.list')}</Typography.Title>}>
      <HqErrorAlert error={error} className="office-alert" />
      <Table<DeviceSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={devices}
        pagination={false}
        locale={{ emptyText: t('office.devices.none') }}
        onRow={rowState}
        columns={[
          { key: 'code', title: t('office.devices.code'), dataIndex: 'code', className: 'num' },
          { key: 'store', title: t('office.report.store'), render: (_, d) => storeLabel(d.storeId) },
          { key: 'name', title: t('office.devices.tillName'), dataIndex: 'name' },
          { key: 'state', title: t('office.devices.state'), render: (_, d) => stateText(d) },
          {
            key: 'action',
            title: <span className="office-visually-hidden">{t('office.devices.actions')}</span>,
            align: 'right',
            render: (_, d) =>
              d.state === 'revoked' ? (
                <Button type="link" disabled={rearmBusy} onClick={() => onRearm(d)}>{t('office.devices.rearm')}</Button>
              ) : (
                <Button type="link" danger loading={revoking === d.id} onClick={() => setConfirming(d)}>{t('office.devices.revoke')}</Button>
              ),
          },
        ]}
      />
      <Modal
        open={confirming !== null}
        title={t('office.devices.revoke')}
        okText={t('office.devices.revokeYes')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onCancel={() => setConfirming(null)}
        onOk={() => {
          if (confirming) onRevoke(confirming.id);
          setConfirming(null);
        }}
        modalRender={(node) => <div data-testid="revoke-confirmation">{node}</div>}
      >
        {confirming && t('office.devices.revokeConfirm', { till: `${confirming.code} · ${confirming.name}` })}
      </Modal>
    </Card>
  );
}
