import { App, Button, Card, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { minor, type CommissionPlan, type CommissionPlanBody, type CommissionRate, type CommissionRuleBody } from '@pos/shared';
import { useCommissionPlans } from '../features/office-commission/use-commission';
import { useCategories } from '../features/office-core/office-queries';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { formatMoney } from '../i18n/translate';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

/** A rule as the editor holds it: the rate's fields flat, percentages as the user types them. */
interface RuleForm {
  productId: string | null;
  brandId: string | null;
  supplierId: string | null;
  categoryId: string;
  grade: string;
  mode: CommissionRuleBody['mode'];
  kind: CommissionRate['kind'];
  basis: 'net' | 'margin';
  percent: number;
  perUnit: number;
  measure: 'clerk' | 'counter';
  apply: 'whole' | 'above';
  abovePercent: number;
  stepPercent: number;
}

interface PlanForm {
  name: string;
  validFrom: string;
  validTo: string;
  poolShare: CommissionPlanBody['poolShare'];
  gifts: boolean;
  discounted: boolean;
  staffTags: string[];
  rules: RuleForm[];
}

const bp = (percent: number) => Math.round(percent * 100);

function rateOf(r: RuleForm): CommissionRate {
  if (r.kind === 'per_unit') return { kind: 'per_unit', amountMinor: minor(Math.round(r.perUnit * 100)) };
  if (r.kind === 'percent') return { kind: 'percent', basis: r.basis, bp: bp(r.percent) };
  return { kind: 'tiered', basis: r.basis, measure: r.measure, apply: r.apply, tiers: [{ fromTargetBp: 0, bp: bp(r.percent) }, { fromTargetBp: bp(r.stepPercent), bp: bp(r.abovePercent) }] };
}

const toBody = (f: PlanForm, gradeWeights: Record<string, number>): CommissionPlanBody => ({
  name: f.name, validFrom: f.validFrom, validTo: f.validTo || null, poolShare: f.poolShare, gradeWeights,
  exclusions: { gifts: f.gifts, discounted: f.discounted, staffTags: f.staffTags },
  rules: (f.rules ?? []).map((r) => ({
    productId: r.productId ?? null, brandId: r.brandId ?? null, supplierId: r.supplierId ?? null, categoryId: r.categoryId || null, grade: r.grade?.trim() || null, mode: r.mode, rate: rateOf(r),
  })),
});

function ruleForm(r: CommissionRuleBody): RuleForm {
  const rate = r.rate;
  const tiers = rate.kind === 'tiered' ? rate.tiers : [];
  return {
    productId: r.productId, brandId: r.brandId, supplierId: r.supplierId, categoryId: r.categoryId ?? '', grade: r.grade ?? '', mode: r.mode, kind: rate.kind,
    basis: rate.kind === 'per_unit' ? 'net' : rate.basis,
    percent: rate.kind === 'percent' ? rate.bp / 100 : (tiers[0]?.bp ?? 100) / 100,
    perUnit: rate.kind === 'per_unit' ? rate.amountMinor / 100 : 0.5,
    measure: rate.kind === 'tiered' ? rate.measure : 'clerk', apply: rate.kind === 'tiered' ? rate.apply : 'above',
    abovePercent: (tiers[1]?.bp ?? 200) / 100, stepPercent: (tiers[1]?.fromTargetBp ?? 10_000) / 100,
  };
}

const newRule: CommissionRuleBody = { productId: null, categoryId: null, brandId: null, supplierId: null, grade: null, mode: 'personal', rate: { kind: 'percent', basis: 'net', bp: 100 } };

/** The commission plan (提成方案) in versions by date: who each rule pays, its rate, tiers against targets, pools and what earns nothing. HQ only. */
export function CommissionPlansScreen() {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  const { plans, savePlan, deletePlan } = useCommissionPlans();
  const categories = useCategories();
  const [editing, setEditing] = useState<CommissionPlan | 'new' | null>(null);
  const [form] = Form.useForm<PlanForm>();
  const categoryName = (id: string | null) => (id === null ? t('office.commission.matched.all') : pickName(categories.data?.find((c) => c.id === id) ?? { nameZh: id, nameEn: id }));

  const open = (plan: CommissionPlan | 'new') => {
    setEditing(plan);
    savePlan.reset();
    const base = plan === 'new'
      ? { name: '', validFrom: new Date().toLocaleDateString('en-CA'), validTo: null, poolShare: 'hours' as const, exclusions: { gifts: true, discounted: false, staffTags: [] }, rules: [newRule] }
      : plan;
    form.setFieldsValue({
      name: base.name, validFrom: base.validFrom, validTo: base.validTo ?? '', poolShare: base.poolShare, gifts: base.exclusions.gifts, discounted: base.exclusions.discounted,
      staffTags: base.exclusions.staffTags, rules: base.rules.map(ruleForm),
    });
  };
  const submit = async (values: PlanForm) => {
    try {
      await savePlan.mutateAsync({ id: editing === 'new' || editing === null ? null : editing.id, body: toBody(values, editing === 'new' || editing === null ? {} : editing.gradeWeights) });
      setEditing(null);
      void message.success(t('office.commissionPlans.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  const rateText = (rate: CommissionRate) => (rate.kind === 'per_unit'
    ? t('office.commission.perUnit', { amount: formatMoney(rate.amountMinor, 'CNY') })
    : rate.kind === 'percent' ? `${rate.bp / 100}% ${t(`office.commission.basis.${rate.basis}` as MessageKey)}`
      : `${rate.tiers.map((tier) => `${tier.bp / 100}%${tier.fromTargetBp ? ` ≥ ${tier.fromTargetBp / 100}%` : ''}`).join(' · ')} ${t(`office.commission.tier.${rate.apply}` as MessageKey)}`);

  return (
    <section className="office-page" data-testid="commission-plans-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.commissionPlans.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.commissionPlans.hint')}</Typography.Paragraph>
      </header>
      <HqErrorAlert error={plans.error ?? deletePlan.error} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Button type="primary" onClick={() => open('new')} data-testid="commission-plan-new">{t('office.commissionPlans.new')}</Button>
        {(plans.data?.items ?? []).map((plan) => (
          <Card key={plan.id} data-testid="commission-plan" title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{plan.name}</Typography.Title>}
            extra={(
              <Space>
                <Tag>{`${plan.validFrom} – ${plan.validTo ?? '…'}`}</Tag>
                <Button onClick={() => open(plan)} data-testid="commission-plan-edit">{t('office.catalog.edit')}</Button>
                <Popconfirm title={t('office.commissionPlans.deleteConfirm')} onConfirm={() => void deletePlan.mutateAsync(plan.id)}>
                  <Button danger>{t('office.catalog.delete')}</Button>
                </Popconfirm>
              </Space>
            )}>
            <Typography.Paragraph>
              {t(`office.commissionPlans.pool.${plan.poolShare}` as MessageKey)}
              {plan.exclusions.gifts && ` · ${t('office.commission.excluded.gift')}`}
              {plan.exclusions.discounted && ` · ${t('office.commission.excluded.discounted')}`}
              {plan.exclusions.staffTags.length > 0 && ` · ${t('office.commissionPlans.staffTags')}: ${plan.exclusions.staffTags.join(', ')}`}
            </Typography.Paragraph>
            <Table rowKey="id" size="small" pagination={false} dataSource={plan.rules} columns={[
              { title: '#', key: 'no', width: 50, render: (_, __, i) => i + 1 },
              { title: t('office.commissionPlans.covers'), key: 'covers', render: (_, r) => [r.productId ? t('office.commission.matched.product') : null, r.categoryId || !r.productId ? categoryName(r.categoryId) : null, r.brandId ? t('office.commission.matched.brand') : null, r.grade ? `${t('office.commission.matched.grade')} ${r.grade}` : null].filter(Boolean).join(' · ') },
              { title: t('office.commissionPlans.mode'), key: 'mode', render: (_, r) => <Tag color={r.mode === 'pooled' ? 'purple' : 'blue'}>{t(`office.commissionPlans.mode.${r.mode}` as MessageKey)}</Tag> },
              { title: t('office.commissionPlans.rate'), key: 'rate', render: (_, r) => rateText(r.rate) },
            ]} />
          </Card>
        ))}
      </Space>
      <Drawer open={editing !== null} onClose={() => setEditing(null)} width={880} title={t(editing === 'new' ? 'office.commissionPlans.new' : 'office.catalog.edit')}
        extra={<Button type="primary" onClick={() => form.submit()} loading={savePlan.isPending} data-testid="commission-plan-save">{t('office.catalog.save')}</Button>}>
        <HqErrorAlert error={savePlan.error} />
        <Form<PlanForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Space wrap>
            <Form.Item name="name" label={t('office.commissionPlans.name')} htmlFor="plan-name" rules={[{ required: true }]}><Input id="plan-name" style={{ width: 320 }} /></Form.Item>
            <Form.Item name="validFrom" label={t('office.commissionPlans.from')} htmlFor="plan-from" rules={[{ required: true }]}><Input id="plan-from" type="date" /></Form.Item>
            <Form.Item name="validTo" label={t('office.commissionPlans.to')} htmlFor="plan-to"><Input id="plan-to" type="date" /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="poolShare" label={t('office.commissionPlans.poolShare')} htmlFor="plan-pool">
              <Select id="plan-pool" style={{ width: 220 }} options={(['equal', 'hours', 'grade'] as const).map((k) => ({ value: k, label: t(`office.commissionPlans.pool.${k}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="gifts" label={t('office.commission.excluded.gift')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="discounted" label={t('office.commission.excluded.discounted')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="staffTags" label={t('office.commissionPlans.staffTags')} htmlFor="plan-staff"><Select id="plan-staff" mode="tags" style={{ width: 200 }} /></Form.Item>
          </Space>
          <Divider titlePlacement="start">{t('office.commissionPlans.rules')}</Divider>
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, i) => (
                  <Card key={field.key} size="small" title={`#${i + 1}`} data-testid="commission-rule" extra={<Button size="small" onClick={() => remove(field.name)}>{t('office.catalog.delete')}</Button>}>
                    <Form.Item name={[field.name, 'productId']} hidden><Input /></Form.Item>
                    <Form.Item name={[field.name, 'brandId']} hidden><Input /></Form.Item>
                    <Form.Item name={[field.name, 'supplierId']} hidden><Input /></Form.Item>
                    <Space wrap>
                      <Form.Item name={[field.name, 'categoryId']} label={t('office.commissionPlans.category')} htmlFor={`rule-${i}-category`}>
                        <Select id={`rule-${i}-category`} style={{ width: 200 }} showSearch optionFilterProp="label"
                          options={[{ value: '', label: t('office.commission.matched.all') }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: pickName(c) }))]} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'grade']} label={t('office.commissionPlans.grade')} htmlFor={`rule-${i}-grade`}><Input id={`rule-${i}-grade`} style={{ width: 80 }} /></Form.Item>
                      <Form.Item name={[field.name, 'mode']} label={t('office.commissionPlans.mode')} htmlFor={`rule-${i}-mode`}>
                        <Select id={`rule-${i}-mode`} style={{ width: 150 }} options={(['personal', 'pooled'] as const).map((m) => ({ value: m, label: t(`office.commissionPlans.mode.${m}` as MessageKey) }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'kind']} label={t('office.commissionPlans.kind')} htmlFor={`rule-${i}-kind`}>
                        <Select id={`rule-${i}-kind`} style={{ width: 170 }} options={(['percent', 'per_unit', 'tiered'] as const).map((k) => ({ value: k, label: t(`office.commissionPlans.kind.${k}` as MessageKey) }))} />
                      </Form.Item>
                    </Space>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const kind = form.getFieldValue(['rules', field.name, 'kind']) as RuleForm['kind'];
                        if (kind === 'per_unit') {
                          return <Form.Item name={[field.name, 'perUnit']} label={t('office.commissionPlans.perUnit')} htmlFor={`rule-${i}-unit`}><InputNumber id={`rule-${i}-unit`} min={0} max={10_000} precision={2} /></Form.Item>;
                        }
                        return (
                          <Space wrap>
                            <Form.Item name={[field.name, 'basis']} label={t('office.commissionPlans.basis')} htmlFor={`rule-${i}-basis`}>
                              <Select id={`rule-${i}-basis`} style={{ width: 130 }} options={(['net', 'margin'] as const).map((b) => ({ value: b, label: t(`office.commission.basis.${b}` as MessageKey) }))} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'percent']} label={t('office.commissionPlans.percent')} htmlFor={`rule-${i}-percent`}><InputNumber id={`rule-${i}-percent`} min={0} max={100} precision={2} addonAfter="%" /></Form.Item>
                            {kind === 'tiered' && (
                              <>
                                <Form.Item name={[field.name, 'stepPercent']} label={t('office.commissionPlans.step')} htmlFor={`rule-${i}-step`}><InputNumber id={`rule-${i}-step`} min={1} max={10_000} precision={0} addonAfter="%" /></Form.Item>
                                <Form.Item name={[field.name, 'abovePercent']} label={t('office.commissionPlans.above')} htmlFor={`rule-${i}-above`}><InputNumber id={`rule-${i}-above`} min={0} max={100} precision={2} addonAfter="%" /></Form.Item>
                                <Form.Item name={[field.name, 'measure']} label={t('office.commissionPlans.measure')} htmlFor={`rule-${i}-measure`}>
                                  <Select id={`rule-${i}-measure`} style={{ width: 130 }} options={(['clerk', 'counter'] as const).map((m) => ({ value: m, label: t(`office.commissionPlans.measure.${m}` as MessageKey) }))} />
                                </Form.Item>
                                <Form.Item name={[field.name, 'apply']} label={t('office.commissionPlans.apply')} htmlFor={`rule-${i}-apply`}>
                                  <Select id={`rule-${i}-apply`} style={{ width: 220 }} options={(['above', 'whole'] as const).map((a) => ({ value: a, label: t(`office.commission.tier.${a}` as MessageKey) }))} />
                                </Form.Item>
                              </>
                            )}
                          </Space>
                        );
                      }}
                    </Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add(ruleForm(newRule))} data-testid="commission-rule-add">{t('office.commissionPlans.addRule')}</Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Drawer>
    </section>
  );
}
