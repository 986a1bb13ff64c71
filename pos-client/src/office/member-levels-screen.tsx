import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { MemberLevelSettings, UpdateMemberLevelBody } from '@pos/shared';
import { formatCount, formatMoneyText } from '../features/office-core/format-amount';
import { useMemberLevelSettings } from '../features/office-members/use-membership-settings';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { OfficePage } from './office-page';

const NO_RULE = 'none';
type Basis = NonNullable<MemberLevelSettings['ruleBasis']> | typeof NO_RULE;
/** The form holds a spend threshold in yuan, points as they are, and "none" for a level HQ sets by hand. */
type LevelForm = Omit<UpdateMemberLevelBody, 'ruleBasis' | 'ruleThreshold'> & { ruleBasis: Basis; threshold: number | null };

const toForm = (l: MemberLevelSettings): LevelForm => ({
  nameZh: l.nameZh, nameEn: l.nameEn, active: l.active, rank: l.rank, rulePeriodDays: l.rulePeriodDays, isDefault: l.isDefault, paidPeriodMonths: l.paidPeriodMonths,
  ruleBasis: l.ruleBasis ?? NO_RULE, threshold: l.ruleThreshold === null ? null : l.ruleBasis === 'spend' ? l.ruleThreshold / 100 : l.ruleThreshold,
});
const toBody = ({ ruleBasis, threshold, ...rest }: LevelForm): UpdateMemberLevelBody => ({
  ...rest,
  ruleBasis: ruleBasis === NO_RULE ? null : ruleBasis,
  ruleThreshold: ruleBasis === NO_RULE || threshold === null ? null : ruleBasis === 'spend' ? Math.round(threshold * 100) : threshold,
  paidPeriodMonths: rest.paidPeriodMonths ?? null,
});
const formName = (path: (string | number)[]) => (path[0] === 'ruleThreshold' ? ['threshold'] : typeof path[0] === 'string' ? [path[0]] : null);

/** Member levels and their upgrade/downgrade rules (会员等级与升降级规则): rank, what the level job measures, the default level and paid membership. HQ only. */
export function MemberLevelsScreen() {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const { levels, update } = useMemberLevelSettings();
  const [editing, setEditing] = useState<MemberLevelSettings | null>(null);
  const [form] = Form.useForm<LevelForm>();
  const basis = Form.useWatch('ruleBasis', form);
  const open = (level: MemberLevelSettings) => {
    update.reset();
    setEditing(level);
    form.setFieldsValue(toForm(level));
  };
  const submit = async (values: LevelForm) => {
    if (!editing) return;
    try {
      await update.mutateAsync({ id: editing.id, body: toBody({ ...toForm(editing), ...values }) });
      setEditing(null);
      void message.success(t('office.levels.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'), formName);
    }
  };
  const rule = (l: MemberLevelSettings) => {
    if (l.ruleBasis === null || l.ruleThreshold === null) return t('office.levels.byHand');
    return l.ruleBasis === 'spend'
      ? t('office.levels.spendRule', { amount: formatMoneyText(l.ruleThreshold), days: String(l.rulePeriodDays) })
      : t('office.levels.pointsRule', { points: formatCount(l.ruleThreshold) });
  };
  const rows = [...(levels.data ?? [])].sort((a, b) => b.rank - a.rank || a.code.localeCompare(b.code));
  return (
    <OfficePage title={t('office.levels.title')} hint={t('office.levels.hint')}>
      <Card data-testid="member-levels">
        <HqErrorAlert error={levels.error} />
        <Table<MemberLevelSettings> rowKey="id" size="small" pagination={false} loading={levels.isLoading} dataSource={rows} columns={[
          { title: t('office.levels.rank'), dataIndex: 'rank', key: 'rank', align: 'right' },
          { title: t('office.levels.level'), key: 'name', render: (_, l) => <>{pickName(l)} <span className="num">({l.code})</span></> },
          { title: t('office.levels.rule'), key: 'rule', render: (_, l) => rule(l) },
          { title: t('office.levels.paid'), key: 'paid', render: (_, l) => (l.paidPeriodMonths === null ? '—' : t('office.levels.months', { months: String(l.paidPeriodMonths) })) },
          { title: t('office.levels.state'), key: 'state', render: (_, l) => (
            <>
              {l.isDefault && <Tag color="processing">{t('office.levels.default')}</Tag>}
              <Tag>{t(l.active ? 'office.catalog.active' : 'office.catalog.inactive')}</Tag>
            </>
          ) },
          { title: t('office.catalog.actions'), key: 'actions', render: (_, l) => <Button size="small" onClick={() => open(l)} aria-label={`${t('office.catalog.edit')} ${pickName(l)}`} data-testid="level-edit">{t('office.catalog.edit')}</Button> },
        ]} />
      </Card>
      <Modal open={editing !== null} title={t('office.levels.editTitle', { name: editing ? pickName(editing) : '' })} onCancel={() => setEditing(null)} onOk={() => form.submit()}
        confirmLoading={update.isPending} okText={t('office.catalog.save')} cancelText={t('common.cancel')} forceRender>
        <HqErrorAlert error={update.error} />
        <Form<LevelForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="nameZh" label={t('office.levels.nameZh')} htmlFor="level-name-zh" rules={[{ required: true, whitespace: true, max: 60 }]}><Input id="level-name-zh" /></Form.Item>
          <Form.Item name="nameEn" label={t('office.levels.nameEn')} htmlFor="level-name-en" rules={[{ required: true, whitespace: true, max: 60 }]}><Input id="level-name-en" /></Form.Item>
          <Form.Item name="rank" label={t('office.levels.rank')} htmlFor="level-rank" extra={t('office.levels.rankHint')} rules={[{ required: true }]}><InputNumber id="level-rank" min={0} max={1_000} precision={0} /></Form.Item>
          <Form.Item name="ruleBasis" label={t('office.levels.rule')} htmlFor="level-basis" extra={t('office.levels.ruleHint')}>
            <Select id="level-basis" options={([NO_RULE, 'spend', 'points'] as const).map((b) => ({ value: b, label: t(`office.levels.basis.${b}`) }))} />
          </Form.Item>
          {basis !== undefined && basis !== NO_RULE && (
            <Form.Item name="threshold" label={t(basis === 'spend' ? 'office.levels.spendThreshold' : 'office.levels.pointsThreshold')} htmlFor="level-threshold" rules={[{ required: true }]}>
              <InputNumber id="level-threshold" min={0} max={basis === 'spend' ? 100_000_000 : 10_000_000_000} precision={basis === 'spend' ? 2 : 0} prefix={basis === 'spend' ? '¥' : undefined} style={{ width: 200 }} />
            </Form.Item>
          )}
          {basis === 'spend' && (
            <Form.Item name="rulePeriodDays" label={t('office.levels.periodDays')} htmlFor="level-period" extra={t('office.levels.periodHint')} rules={[{ required: true }]}>
              <InputNumber id="level-period" min={1} max={3_660} precision={0} />
            </Form.Item>
          )}
          <Form.Item name="paidPeriodMonths" label={t('office.levels.paidPeriod')} htmlFor="level-paid" extra={t('office.levels.paidHint')}><InputNumber id="level-paid" min={1} max={120} precision={0} /></Form.Item>
          <Form.Item name="isDefault" label={t('office.levels.default')} htmlFor="level-default" valuePropName="checked" extra={t('office.levels.defaultHint')}><Switch id="level-default" /></Form.Item>
          <Form.Item name="active" label={t('office.catalog.active')} htmlFor="level-active" valuePropName="checked"><Switch id="level-active" /></Form.Item>
        </Form>
      </Modal>
    </OfficePage>
  );
}
