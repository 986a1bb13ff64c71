import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Region } from '@pos/shared';
import { useState } from 'react';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useRegions } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { StateTag } from './state-tag';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

type RegionRow = Region & { children?: RegionRow[] };

/** The regions as a tree: each row holds the regions under it. */
function treeOf(regions: readonly Region[], parentId: string | null = null): RegionRow[] {
  return regions.filter((r) => r.parentId === parentId).map((r) => {
    const children = treeOf(regions, r.id);
    return children.length > 0 ? { ...r, children } : r;
  });
}

interface RegionValues {
  code: string;
  nameZh: string;
  nameEn: string;
  parentId: string;
}

/** Regions and branches (区域/分公司) between HQ and stores: add, rename, move (never under itself), deactivate once empty. */
export function RegionsScreen() {
  const { t, pickName } = useI18n();
  const regions = useRegions();
  const [editing, setEditing] = useState<Region | null | undefined>(undefined);
  const toggle = useHqMutation((r: Region) => ({ method: 'POST' as const, path: `/regions/${r.id}/${r.active ? 'deactivate' : 'reactivate'}`, body: {}, schema: Region }), [['regions']]);

  const columns: TableColumnsType<RegionRow> = [
    { title: t('office.org.name'), key: 'name', render: (_, r) => pickName(r) },
    { title: t('office.org.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('office.regions.stores'), dataIndex: 'storeCount', key: 'storeCount', align: 'right', width: 110 },
    { title: t('office.org.state'), key: 'state', width: 100, render: (_, r) => <StateTag active={r.active}>{t(r.active ? 'office.org.active' : 'office.org.inactive')}</StateTag> },
    {
      title: t('office.org.actions'), key: 'actions', width: 220,
      render: (_, r) => (
        <Space size="small">
          <Button size="small" onClick={() => setEditing(r)}>{t('office.regions.renameMove')}</Button>
          <Popconfirm title={t(r.active ? 'office.org.deactivateConfirm' : 'office.org.reactivateConfirm', { name: pickName(r) })} okText={t('office.org.yes')} cancelText={t('common.cancel')} onConfirm={() => toggle.mutate(r)}>
            <Button size="small" danger={r.active}>{t(r.active ? 'office.org.deactivate' : 'office.org.reactivate')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <section className="office-page">
      <Typography.Title level={1}>{t('office.regions.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('office.regions.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setEditing(null)}>{t('office.regions.add')}</Button>
      </Space>
      <HqErrorAlert error={regions.error ?? toggle.error} />
      <Table<RegionRow> rowKey="id" columns={columns} dataSource={treeOf(regions.data ?? [])} loading={regions.isFetching} pagination={false} expandable={{ defaultExpandAllRows: true }} />
      <RegionModal region={editing} regions={regions.data ?? []} onClose={() => setEditing(undefined)} />
    </section>
  );
}

function RegionModal({ region, regions, onClose }: { region: Region | null | undefined; regions: readonly Region[]; onClose: () => void }) {
  const { t, pickName } = useI18n();
  const [form] = Form.useForm<RegionValues>();
  const save = useHqMutation((v: RegionValues) => {
    const fields = { nameZh: v.nameZh, nameEn: v.nameEn, parentId: v.parentId || null };
    return region
      ? { method: 'PATCH' as const, path: `/regions/${region.id}`, body: fields, schema: Region }
      : { method: 'POST' as const, path: '/regions', body: { ...fields, code: v.code }, schema: Region };
  }, [['regions'], ['stores']]);
  const close = () => {
    save.reset();
    onClose();
  };
  const parents = [{ value: '', label: t('office.regions.topLevel') }, ...regions.filter((r) => r.active && r.id !== region?.id).map((r) => ({ value: r.id, label: pickName(r) }))];
  const required = [{ required: true, message: t('office.org.required') }];
  return (
    <Modal open={region !== undefined} title={t(region ? 'office.regions.renameMove' : 'office.regions.add')} okText={t('office.org.save')} cancelText={t('common.cancel')}
      onOk={() => form.submit()} onCancel={close} confirmLoading={save.isPending} destroyOnHidden>
      <HqErrorAlert error={save.error} />
      <Form form={form} layout="vertical" initialValues={region ? { ...region, parentId: region.parentId ?? '' } : { parentId: '' }}
        onFinish={(v) => save.mutate(v, { onSuccess: close, onError: (error) => markHqFieldErrors(form, error, t('office.org.fieldRefused')) })}>
        <Form.Item name="code" label={t('office.org.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('office.org.codeRule') }]}><Input disabled={!!region} maxLength={20} /></Form.Item>
        <Form.Item name="nameZh" label={t('office.org.nameZh')} rules={required}><Input maxLength={60} /></Form.Item>
        <Form.Item name="nameEn" label={t('office.org.nameEn')} rules={required}><Input maxLength={60} /></Form.Item>
        <Form.Item name="parentId" label={t('office.regions.parent')} extra={t('office.regions.parentHint')}><Select options={parents} /></Form.Item>
      </Form>
    </Modal>
  );
}
