import { App, Button, Card, Form, InputNumber, Modal, Popconfirm, Radio, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReplenishmentRule, ReplenishmentRuleBody } from '@pos/shared';
import type { useReplenishment } from '../features/office-replenishment/use-replenishment';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { ProductPicker } from './product-picker';

type RuleForm = Partial<ReplenishmentRuleBody> & { productId?: string };

const numberLabel = {
  minQuantity: 'office.replenishment.min', maxQuantity: 'office.replenishment.max', leadTimeDays: 'office.replenishment.leadTime', packSize: 'office.replenishment.pack',
} as const;

/** Setting one rule: the product (picked when new), the policy, min, max and lead time. */
function RuleModal({ open, editing, replenishment, onClose }: { open: boolean; editing: ReplenishmentRule | null; replenishment: ReturnType<typeof useReplenishment>; onClose: () => void }) {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const { setRule } = replenishment;
  const submit = async ({ productId, policy, minQuantity, maxQuantity, leadTimeDays }: RuleForm) => {
    try {
      const saved = await setRule.mutateAsync({
        productId: productId ?? editing?.productId ?? '',
        body: { policy: policy ?? 'ideal', minQuantity: minQuantity ?? 0, maxQuantity: maxQuantity ?? 0, leadTimeDays: leadTimeDays ?? 0 },
      });
      void message.success(t('office.replenishment.saved', { sku: saved.sku }));
      onClose();
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  const number = (name: 'minQuantity' | 'maxQuantity' | 'leadTimeDays', max: number) => (
    <Form.Item name={name} label={t(numberLabel[name])} htmlFor={`replenishment-${name}`}
      rules={[{ required: true, message: t('office.replenishment.enterNumber') }]}>
      <InputNumber id={`replenishment-${name}`} min={0} max={max} precision={0} />
    </Form.Item>
  );
  return (
    <Modal open={open} title={editing ? t('office.replenishment.editRule', { product: `${editing.sku} · ${pickName(editing)}` }) : t('office.replenishment.setRule')}
      onCancel={onClose} onOk={() => form.submit()} okText={t('office.replenishment.save')} confirmLoading={setRule.isPending} destroyOnHidden width={560}>
      <HqErrorAlert error={setRule.error} />
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}
        initialValues={editing ?? { policy: 'ideal', minQuantity: 0, maxQuantity: 0, leadTimeDays: 0 }}>
        {!editing && (
          <Form.Item name="productId" label={t('office.replenishment.product')} htmlFor="replenishment-product" rules={[{ required: true, message: t('office.replenishment.chooseProduct') }]}>
            <ProductPicker id="replenishment-product" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="policy" label={t('office.replenishment.policy')}>
          <Radio.Group options={(['ideal', 'sell_one_send_one'] as const).map((p) => ({ value: p, label: t(`office.replenishment.policy.${p}`) }))} />
        </Form.Item>
        <Space wrap>
          {number('minQuantity', 1_000_000)}
          <Form.Item noStyle dependencies={['minQuantity']}>
            {() => (
              <Form.Item name="maxQuantity" label={t(numberLabel.maxQuantity)} htmlFor="replenishment-maxQuantity"
                rules={[{ required: true, message: t('office.replenishment.enterNumber') }, ({ getFieldValue }) => ({
                  validator: async (_, value: number | null) => {
                    if (value !== null && value < (getFieldValue('minQuantity') as number)) throw new Error(t('office.replenishment.maxBelowMin'));
                  },
                })]}>
                <InputNumber id="replenishment-maxQuantity" min={0} max={1_000_000} precision={0} />
              </Form.Item>
            )}
          </Form.Item>
          {number('leadTimeDays', 365)}
        </Space>
      </Form>
    </Modal>
  );
}

/** A store's rules (补货规则), each changed or removed, and a new one set for a product. */
export function ReplenishmentRulesCard({ replenishment, mayEdit }: { replenishment: ReturnType<typeof useReplenishment>; mayEdit: boolean }) {
  const { t, locale, pickName } = useI18n();
  const [editing, setEditing] = useState<ReplenishmentRule | null | 'new'>(null);
  const { rules, removeRule } = replenishment;
  const columns: TableColumnsType<ReplenishmentRule> = [
    { title: t('office.replenishment.product'), key: 'product', render: (_, r) => `${r.sku} · ${pickName(r)}` },
    { title: t('office.replenishment.policy'), key: 'policy', render: (_, r) => t(`office.replenishment.policy.${r.policy}`) },
    ...(['minQuantity', 'maxQuantity', 'leadTimeDays', 'packSize'] as const).map((k) => ({
      title: t(numberLabel[k]), key: k, align: 'right' as const,
      render: (_: unknown, r: ReplenishmentRule) => <span className="num">{r[k]}</span>,
    })),
    { title: t('office.replenishment.lastAsked'), key: 'lastAsked', render: (_, r) => (r.lastAskedAt ? <span className="num">{formatDateTime(locale, r.lastAskedAt)}</span> : t('office.replenishment.never')) },
    ...(mayEdit ? [{
      title: t('office.catalog.actions'), key: 'actions',
      render: (_: unknown, r: ReplenishmentRule) => (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(r)} aria-label={t('office.replenishment.editOne', { sku: r.sku })}>{t('office.replenishment.edit')}</Button>
          <Popconfirm title={t('office.replenishment.removeConfirm', { sku: r.sku })} okText={t('office.replenishment.remove')} cancelText={t('office.replenishment.keep')}
            onConfirm={() => removeRule.mutateAsync(r.productId)}>
            <Button size="small" danger aria-label={t('office.replenishment.removeOne', { sku: r.sku })}>{t('office.replenishment.remove')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];
  return (
    <Card title={t('office.replenishment.rules')} style={{ marginTop: 16 }}
      extra={mayEdit && <Button onClick={() => setEditing('new')} data-testid="replenishment-rule-new">{t('office.replenishment.setRule')}</Button>}>
      <HqErrorAlert error={rules.error ?? removeRule.error} />
      <Table<ReplenishmentRule> rowKey="productId" size="small" loading={rules.isLoading} dataSource={rules.data?.items ?? []} columns={columns} data-testid="replenishment-rules"
        pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('office.replenishment.noRules') }} />
      <RuleModal open={editing !== null} editing={editing === 'new' ? null : editing} replenishment={replenishment} onClose={() => setEditing(null)} />
    </Card>
  );
}
