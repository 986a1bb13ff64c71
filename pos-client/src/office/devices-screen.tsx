import { Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useScopeStores } from '../features/office-core/office-queries';
import { useDevices, usePairingCodes } from '../features/office-devices/use-devices';
import { formatDateTime } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';
import { DeviceListCard } from './device-list-card';
import { HqErrorAlert } from './hq-error';
import { OfficePage } from './office-page';
import { PairingCodeCard } from './pairing-code-card';

interface NewTill {
  storeId: string;
  tillName: string;
}

export function DevicesScreen() {
  const { t, locale, pickName } = useI18n();
  const [form] = Form.useForm<NewTill>();
  const stores = useScopeStores();
  const { list, revoke } = useDevices();
  const { issued, latest, issue } = usePairingCodes();
  const storeLabel = (id: string) => {
    const store = stores.data?.find((s) => s.id === id);
    return store ? `${store.code} · ${pickName(store)}` : id;
  };
  const options = (stores.data ?? []).map((s) => ({ value: s.id, label: storeLabel(s.id) }));
  const firstStore = options[0]?.value;
  useEffect(() => {
    if (firstStore && !form.getFieldValue('storeId')) form.setFieldValue('storeId', firstStore);
  }, [firstStore, form]);

  return (
    <OfficePage title={t('office.devices.title')} hint={t('office.devices.hint')}>
      <div className="office-two-columns">
        <Card title={<Typography.Title level={2}>{t('office.devices.newTill')}</Typography.Title>}>
          <HqErrorAlert error={stores.error} className="office-alert" />
          <Form<NewTill>
            form={form}
            layout="vertical"
            requiredMark={false}
            disabled={issue.isPending}
            onFinish={({ storeId, tillName }) => issue.mutate({ kind: 'create', storeId, tillName })}
          >
            <Form.Item name="storeId" label={t('office.report.store')} rules={[{ required: true }]}>
              <Select options={options} loading={stores.isPending} />
            </Form.Item>
            <Form.Item name="tillName" label={t('office.devices.tillName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input maxLength={60} placeholder={t('office.devices.tillNamePlaceholder')} />
            </Form.Item>
            <HqErrorAlert error={issue.error} className="office-alert" />
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {issue.isPending ? t('office.devices.creating') : t('office.devices.create')}
            </Button>
          </Form>
        </Card>
        {latest ? (
          <PairingCodeCard code={latest} storeLabel={storeLabel(latest.storeId)} />
        ) : (
          <Card className="office-placeholder">{t('office.devices.steps')}</Card>
        )}
      </div>
      <DeviceListCard
        devices={list.data}
        loading={list.isPending}
        storeLabel={storeLabel}
        error={list.error ?? revoke.error}
        revoking={revoke.isPending ? revoke.variables : null}
        rearmBusy={issue.isPending}
        onRevoke={(id) => revoke.mutate(id)}
        onRearm={(device) => issue.mutate({ kind: 'rearm', device })}
      />
      {issued.length > 1 && (
        <Card title={<Typography.Title level={2}>{t('office.devices.earlier')}</Typography.Title>}>
          <Table
            size="small"
            rowKey="deviceId"
            pagination={false}
            dataSource={issued.slice(1)}
            columns={[
              { key: 'store', title: t('office.report.store'), render: (_, c) => storeLabel(c.storeId) },
              { key: 'till', title: t('office.devices.tillName'), dataIndex: 'tillName' },
              { key: 'code', title: t('office.devices.code'), dataIndex: 'code', className: 'num' },
              { key: 'expires', title: t('office.devices.state'), render: (_, c) => t('office.devices.expires', { time: formatDateTime(locale, c.expiresAt) }) },
            ]}
          />
        </Card>
      )}
    </OfficePage>
  );
}
