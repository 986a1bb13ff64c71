import { App, Button, Card, Form, Input, Modal, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { minor, type Minor, type TopUpRule, type TopUpRuleBody } from '@pos/shared';
import { useTopUpRules } from '../features/office-members/use-top-up-rules';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { DecimalInput } from './promotion-fields/decimal-input';

/** What the form holds: the dates as typed, empty for open-ended. */
type RuleForm = Omit<TopUpRuleBody, 'startsOn' | 'endsOn'> & { startsOn: string; endsOn: string };

/** An amount in yuan, kept in fen, as a form field fills it in. */
function MoneyField({ value, onChange, label }: { value?: number; onChange?: (value: Minor) => void; label: string }) {
  return <DecimalInput value={value ?? 0} onChange={(next) => onChange?.(next)} ariaLabel={label} suffix="¥" />;
}

const blank: RuleForm = { name: '', minTopUpMinor: minor(50_000), bonusMinor: minor(5_000), startsOn: '', endsOn: '', active: true };

/** The chain's top-up bonus rules (充值赠送, "top up 500, get 50"): a top-up gets the largest bonus whose minimum it reaches on a day the rule runs. HQ only. */
export function TopUpRulesScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { list, save } = useTopUpRules();
  const [editing, setEditing] = useState<TopUpRule | 'new' | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const open = (rule: TopUpRule | 'new') => {
    setEditing(rule);
    save.reset();
    form.setFieldsValue(rule === 'new' ? blank : { ...rule, startsOn: rule.startsOn ?? '', endsOn: rule.endsOn ?? '' });
  };
  const submit = async ({ startsOn, endsOn, ...rest }: RuleForm) => {
    try {
      await save.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, body: { ...rest, startsOn: startsOn || null, endsOn: endsOn || null } });
      setEditing(null);
      void message.success(t('office.topUpRules.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  const days = (r: TopUpRule) => (r.startsOn || r.endsOn ? `${r.startsOn ?? '…'} – ${r.endsOn ?? '…'}` : t('office.topUpRules.always'));
  return (
    <section className="office-page">
    <Card
      title={<Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('office.topUpRules.title')}</Typography.Title>}
      extra={<Button type="primary" onClick={() => open('new')} data-testid="top-up-rule-new">{t('office.catalog.new')}</Button>}
      data-testid="top-up-rules-screen"
    >
      <Typography.Paragraph type="secondary">{t('office.topUpRules.hint')}</Typography.Paragraph>
      <HqErrorAlert error={list.error} />
      <Table<TopUpRule>
        rowKey="id" size="small" pagination={false} loading={list.isLoading} dataSource={list.data?.items ?? []}
        columns={[
          { title: t('office.topUpRules.name'), dataIndex: 'name', key: 'name' },
          { title: t('office.topUpRules.minTopUp'), key: 'min', render: (_, r) => formatMoney(r.minTopUpMinor, 'CNY') },
          { title: t('office.topUpRules.bonus'), key: 'bonus', render: (_, r) => formatMoney(r.bonusMinor, 'CNY') },
          { title: t('office.topUpRules.days'), key: 'days', render: (_, r) => days(r) },
          { title: t('office.catalog.active'), key: 'active', render: (_, r) => <Tag>{t(r.active ? 'office.catalog.active' : 'office.catalog.inactive')}</Tag> },
          {
            title: t('office.catalog.actions'), key: 'actions',
            render: (_, r) => <Button size="small" onClick={() => open(r)} aria-label={`${t('office.catalog.edit')} ${r.name}`}>{t('office.catalog.edit')}</Button>,
          },
        ]}
      />
      <Modal open={editing !== null} title={t(editing === 'new' ? 'office.topUpRules.new' : 'office.topUpRules.edit')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('office.catalog.save')} destroyOnHidden>
        <HqErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(body) => void submit(body)}>
          <Form.Item name="name" label={t('office.topUpRules.name')} htmlFor="rule-name" rules={[{ required: true, max: 60 }]}><Input id="rule-name" /></Form.Item>
          <Form.Item name="minTopUpMinor" label={t('office.topUpRules.minTopUp')}><MoneyField label={t('office.topUpRules.minTopUp')} /></Form.Item>
          <Form.Item name="bonusMinor" label={t('office.topUpRules.bonus')}><MoneyField label={t('office.topUpRules.bonus')} /></Form.Item>
          <Form.Item name="startsOn" label={t('office.topUpRules.startsOn')} htmlFor="rule-starts"><Input id="rule-starts" type="date" /></Form.Item>
          <Form.Item name="endsOn" label={t('office.topUpRules.endsOn')} htmlFor="rule-ends"><Input id="rule-ends" type="date" /></Form.Item>
          <Form.Item name="active" label={t('office.catalog.active')} htmlFor="rule-active" valuePropName="checked"><Switch id="rule-active" /></Form.Item>
        </Form>
      </Modal>
    </Card>
    </section>
  );
}
