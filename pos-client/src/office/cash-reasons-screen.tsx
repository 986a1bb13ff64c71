import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CashReason, CashReasonBody } from '@pos/shared';
import { useCashReasons } from '../features/office-shifts/use-shifts';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

/** The chain's reasons for cash in and out of a till (收支类别): tills pull them; a retired one leaves the tills. HQ only. */
export function CashReasonsScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { list, save } = useCashReasons();
  const [editing, setEditing] = useState<CashReason | 'new' | null>(null);
  const [form] = Form.useForm<CashReasonBody>();
  const open = (reason: CashReason | 'new') => {
    setEditing(reason);
    save.reset();
    form.setFieldsValue(reason === 'new' ? { code: '', nameZh: '', nameEn: '', direction: 'out', sortOrder: 50, active: true } : reason);
  };
  const submit = async (body: CashReasonBody) => {
    try {
      await save.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, body });
      setEditing(null);
      void message.success(t('office.cashReasons.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  return (
    <section className="office-page">
    <Card
      title={<Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('office.cashReasons.title')}</Typography.Title>}
      extra={<Button type="primary" onClick={() => open('new')} data-testid="cash-reason-new">{t('office.catalog.new')}</Button>}
      data-testid="cash-reasons-screen"
    >
      <Typography.Paragraph type="secondary">{t('office.cashReasons.hint')}</Typography.Paragraph>
      <HqErrorAlert error={list.error} />
      <Table<CashReason>
        rowKey="id" size="small" pagination={false} loading={list.isLoading} dataSource={list.data?.items ?? []}
        columns={[
          { title: t('office.catalog.code'), dataIndex: 'code', key: 'code' },
          { title: t('office.catalog.nameZh'), dataIndex: 'nameZh', key: 'nameZh' },
          { title: t('office.catalog.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
          { title: t('office.cashReasons.direction'), key: 'direction', render: (_, r) => t(`office.cashReasons.${r.direction}`) },
          { title: t('office.cashReasons.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder' },
          { title: t('office.catalog.active'), key: 'active', render: (_, r) => <Tag>{t(r.active ? 'office.catalog.active' : 'office.catalog.inactive')}</Tag> },
          {
            title: t('office.catalog.actions'), key: 'actions',
            render: (_, r) => <Button size="small" onClick={() => open(r)} aria-label={`${t('office.catalog.edit')} ${r.code}`}>{t('office.catalog.edit')}</Button>,
          },
        ]}
      />
      <Modal open={editing !== null} title={t(editing === 'new' ? 'office.cashReasons.new' : 'office.cashReasons.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('office.catalog.save')} destroyOnHidden>
        <HqErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(body) => void submit(body)}>
          <Form.Item name="code" label={t('office.catalog.code')} htmlFor="reason-code" rules={[{ required: true, max: 20 }]}><Input id="reason-code" /></Form.Item>
          <Form.Item name="nameZh" label={t('office.catalog.nameZh')} htmlFor="reason-name-zh" rules={[{ required: true, max: 40 }]}><Input id="reason-name-zh" /></Form.Item>
          <Form.Item name="nameEn" label={t('office.catalog.nameEn')} htmlFor="reason-name-en" rules={[{ required: true, max: 60 }]}><Input id="reason-name-en" /></Form.Item>
          <Form.Item name="direction" label={t('office.cashReasons.direction')} htmlFor="reason-direction">
            <Select id="reason-direction" options={(['in', 'out', 'both'] as const).map((d) => ({ value: d, label: t(`office.cashReasons.${d}`) }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('office.cashReasons.sortOrder')} htmlFor="reason-sort"><InputNumber id="reason-sort" min={0} max={9999} precision={0} /></Form.Item>
          <Form.Item name="active" label={t('office.catalog.active')} htmlFor="reason-active" valuePropName="checked"><Switch id="reason-active" /></Form.Item>
        </Form>
      </Modal>
    </Card>
    </section>
  );
}
