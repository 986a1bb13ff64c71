import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PointsRule, PointsRuleBody, PointsSettings } from '@pos/shared';
import { useCategories, useMemberLevels } from '../features/office-core/office-queries';
import { usePointsRules } from '../features/office-points/use-points-rules';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

type RuleForm = Omit<PointsRuleBody, 'rateBp' | 'validFrom' | 'validTo'> & { rate: number; validFrom: string; validTo: string };
type SettingsForm = { redeemPointsPerYuan: number; expiryKind: PointsSettings['expiry']['kind']; months: number | null };

const ALL = '';
const toBody = ({ rate, validFrom, validTo, ...rest }: RuleForm): PointsRuleBody => ({
  ...rest, memberLevelId: rest.memberLevelId || null, categoryId: rest.categoryId || null, rateBp: Math.round(rate * 10_000), validFrom: validFrom || null, validTo: validTo || null,
});
const toSettings = ({ redeemPointsPerYuan, expiryKind, months }: SettingsForm): PointsSettings => ({
  redeemPointsPerYuan, expiry: expiryKind === 'after_months' ? { kind: expiryKind, months: months ?? 12 } : { kind: expiryKind },
});

/** The chain's points (积分规则): what 1 yuan earns by level and category, how many points take ¥1 off, and when points lapse. HQ only. */
export function PointsRulesScreen() {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const { settings, rules, saveSettings, saveRule, deleteRule } = usePointsRules();
  const levels = useMemberLevels();
  const categories = useCategories();
  const [editing, setEditing] = useState<PointsRule | 'new' | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const [settingsForm] = Form.useForm<SettingsForm>();
  const expiryKind = Form.useWatch('expiryKind', settingsForm);
  const levelName = (id: string | null) => (id === null ? t('office.points.allLevels') : pickName(levels.data?.find((l) => l.id === id) ?? { nameZh: id, nameEn: id }));
  const categoryName = (id: string | null) => (id === null ? t('office.points.allCategories') : pickName(categories.data?.find((c) => c.id === id) ?? { nameZh: id, nameEn: id }));
  const open = (rule: PointsRule | 'new') => {
    setEditing(rule);
    saveRule.reset();
    const base = rule === 'new' ? { name: '', memberLevelId: null, categoryId: null, rateBp: 10_000, validFrom: null, validTo: null, active: true } : rule;
    form.setFieldsValue({ name: base.name, memberLevelId: base.memberLevelId ?? ALL, categoryId: base.categoryId ?? ALL, rate: base.rateBp / 10_000, validFrom: base.validFrom ?? '', validTo: base.validTo ?? '', active: base.active });
  };
  const submit = async (values: RuleForm) => {
    try {
      await saveRule.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, body: toBody(values) });
      setEditing(null);
      void message.success(t('office.points.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  const current = settings.data;
  return (
    <section className="office-page" data-testid="points-rules-screen">
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('office.points.title')}</Typography.Title>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('office.points.settings')}</Typography.Title>}>
        <HqErrorAlert error={settings.error ?? saveSettings.error} />
        {current && (
          <Form<SettingsForm> form={settingsForm} layout="inline" onFinish={(values) => void saveSettings.mutateAsync(toSettings(values)).then(() => message.success(t('office.points.saved')))}
            initialValues={{ redeemPointsPerYuan: current.redeemPointsPerYuan, expiryKind: current.expiry.kind, months: current.expiry.kind === 'after_months' ? current.expiry.months : 12 }}>
            <Form.Item name="redeemPointsPerYuan" label={t('office.points.redeemRate')} htmlFor="points-rate" rules={[{ required: true }]}><InputNumber id="points-rate" min={1} max={100_000} precision={0} /></Form.Item>
            <Form.Item name="expiryKind" label={t('office.points.expiry')} htmlFor="points-expiry">
              <Select id="points-expiry" style={{ width: 200 }} options={(['none', 'end_of_year', 'after_months'] as const).map((k) => ({ value: k, label: t(`office.points.expiry.${k}`) }))} />
            </Form.Item>
            {expiryKind === 'after_months' && <Form.Item name="months" label={t('office.points.months')} htmlFor="points-months"><InputNumber id="points-months" min={1} max={120} precision={0} /></Form.Item>}
            <Form.Item><Button type="primary" htmlType="submit" loading={saveSettings.isPending}>{t('office.catalog.save')}</Button></Form.Item>
          </Form>
        )}
      </Card>
      <Card data-testid="points-rules" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('office.points.rules')}</Typography.Title>}
        extra={<Button type="primary" onClick={() => open('new')} data-testid="points-rule-new">{t('office.catalog.new')}</Button>}>
        <Typography.Paragraph type="secondary">{t('office.points.hint')}</Typography.Paragraph>
        <HqErrorAlert error={rules.error ?? deleteRule.error} />
        <Table<PointsRule>
          rowKey="id" size="small" pagination={false} loading={rules.isLoading} dataSource={rules.data?.items ?? []}
          columns={[
            { title: t('office.points.name'), dataIndex: 'name', key: 'name' },
            { title: t('office.points.level'), key: 'level', render: (_, r) => levelName(r.memberLevelId) },
            { title: t('office.points.category'), key: 'category', render: (_, r) => categoryName(r.categoryId) },
            { title: t('office.points.rate'), key: 'rate', render: (_, r) => t('office.points.perYuan', { points: String(r.rateBp / 10_000) }) },
            { title: t('office.points.span'), key: 'span', render: (_, r) => (r.validFrom === null && r.validTo === null ? t('office.points.always') : `${r.validFrom ?? '…'} – ${r.validTo ?? '…'}`) },
            { title: t('office.catalog.active'), key: 'active', render: (_, r) => <Tag>{t(r.active ? 'office.catalog.active' : 'office.catalog.inactive')}</Tag> },
            {
              title: t('office.catalog.actions'), key: 'actions',
              render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => open(r)} aria-label={`${t('office.catalog.edit')} ${r.name}`}>{t('office.catalog.edit')}</Button>
                  <Popconfirm title={t('office.points.deleteConfirm', { name: r.name })} okText={t('office.catalog.delete')} cancelText={t('common.cancel')} onConfirm={() => deleteRule.mutate(r.id)}>
                    <Button size="small" danger aria-label={`${t('office.catalog.delete')} ${r.name}`}>{t('office.catalog.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={t(editing === 'new' ? 'office.points.newRule' : 'office.points.editRule')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={saveRule.isPending} okText={t('office.catalog.save')} destroyOnHidden>
        <HqErrorAlert error={saveRule.error} />
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="name" label={t('office.points.name')} htmlFor="rule-name" rules={[{ required: true, max: 80 }]}><Input id="rule-name" /></Form.Item>
          <Form.Item name="memberLevelId" label={t('office.points.level')} htmlFor="rule-level">
            <Select id="rule-level" options={[{ value: ALL, label: t('office.points.allLevels') }, ...(levels.data ?? []).map((l) => ({ value: l.id, label: pickName(l) }))]} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('office.points.category')} htmlFor="rule-category">
            <Select id="rule-category" showSearch optionFilterProp="label" options={[{ value: ALL, label: t('office.points.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: pickName(c) }))]} />
          </Form.Item>
          <Form.Item name="rate" label={t('office.points.rate')} htmlFor="rule-rate" rules={[{ required: true }]}><InputNumber id="rule-rate" min={0} max={100} step={0.5} precision={2} /></Form.Item>
          <Form.Item name="validFrom" label={t('office.points.validFrom')} htmlFor="rule-from"><Input id="rule-from" type="date" /></Form.Item>
          <Form.Item name="validTo" label={t('office.points.validTo')} htmlFor="rule-to"><Input id="rule-to" type="date" /></Form.Item>
          <Form.Item name="active" label={t('office.catalog.active')} htmlFor="rule-active" valuePropName="checked"><Switch id="rule-active" /></Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
