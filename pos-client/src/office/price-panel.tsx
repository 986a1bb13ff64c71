import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import type { ProductWithPrices, Store } from '@pos/shared';
import { systemNow } from '../features/office-core/clock';
import { useMemberLevels } from '../features/office-core/office-queries';
import { readPriceForm, type PriceFormValues } from '../features/office-pricing/price-form';
import { usePriceMutations } from '../features/office-pricing/price-api';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { PriceEntryList } from './price-entry-list';

type Values = Omit<PriceFormValues, 'productId'>;
const blank: Values = { kind: 'retail', storeId: '', memberLevelId: '', amount: '', when: 'now', effectiveAt: '' };

/** A product's prices, and the form to set one now or from a later instant. */
export function PricePanel({ selected, stores }: { selected: ProductWithPrices; stores: Store[] }) {
  const { t, pickName } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const when = Form.useWatch('when', form);
  const levels = useMemberLevels();
  const { set, cancel } = usePriceMutations();

  function submit(values: Values) {
    const read = readPriceForm({ ...blank, ...values, productId: selected.product.id }, systemNow());
    if (!read.ok) {
      form.setFields([
        { name: 'amount', errors: read.errors.amount ? [t('office.prices.amountInvalid')] : [] },
        { name: 'effectiveAt', errors: read.errors.effectiveAt ? [t(read.errors.effectiveAt === 'past' ? 'office.prices.past' : 'office.prices.dateRequired')] : [] },
      ]);
      return;
    }
    cancel.reset();
    set.mutate(read.body, {
      onError: (error) => markHqFieldErrors(form, error, t('office.error.fieldRefused'), ([field]) => (field === 'amountMinor' ? ['amount'] : field === 'effectiveFrom' ? ['effectiveAt'] : null)),
    });
  }

  const storeOptions = [{ value: '', label: t('office.prices.chain') }, ...stores.map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))];
  const levelOptions = [{ value: '', label: t('office.prices.allLevels') }, ...(levels.data ?? []).map((l) => ({ value: l.id, label: pickName(l) }))];
  const saved = set.isSuccess || cancel.isSuccess;
  return (
    <Card title={<Typography.Title level={2}>{pickName(selected.product)}</Typography.Title>}>
      <Typography.Paragraph type="secondary">
        {selected.product.sku} · {selected.barcodes.join(', ')}
        {selected.product.weighed && ` · ${t('office.prices.perKg')}`}
      </Typography.Paragraph>
      <PriceEntryList entries={selected.prices} stores={stores} levels={levels.data ?? []} cancelling={cancel.isPending} onCancel={(id) => { set.reset(); cancel.mutate(id); }} />
      <Typography.Title level={3} className="office-subtitle">{t('office.prices.setTitle')}</Typography.Title>
      <Form<Values> form={form} layout="vertical" initialValues={blank} onFinish={submit} onValuesChange={() => { set.reset(); cancel.reset(); }}>
        <div className="office-form-row">
          <Form.Item name="kind" label={t('office.prices.kind')}>
            <Select options={(['retail', 'member', 'wholesale'] as const).map((k) => ({ value: k, label: t(`office.prices.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="storeId" label={t('office.prices.scope')} className="office-field-grow">
            <Select options={storeOptions} />
          </Form.Item>
          {kind === 'member' && (
            <Form.Item name="memberLevelId" label={t('office.prices.level')}>
              <Select options={levelOptions} />
            </Form.Item>
          )}
        </div>
        <div className="office-form-row">
          <Form.Item name="amount" label={t('office.prices.amount')}>
            <Input inputMode="decimal" placeholder="12.90" />
          </Form.Item>
          <Form.Item name="when" label={t('office.prices.when')}>
            <Radio.Group optionType="button" options={[{ value: 'now', label: t('office.prices.now') }, { value: 'scheduled', label: t('office.prices.onDate') }]} />
          </Form.Item>
          {when === 'scheduled' && (
            <Form.Item name="effectiveAt" label={t('office.prices.effectiveAt')}>
              <Input type="datetime-local" />
            </Form.Item>
          )}
        </div>
        {saved && <Alert type="success" showIcon title={t('office.prices.saved')} className="office-alert" />}
        <HqErrorAlert error={set.error ?? cancel.error} className="office-alert" />
        <Button type="primary" htmlType="submit" loading={set.isPending}>
          {when === 'scheduled' ? t('office.prices.schedule') : t('office.prices.saveNow')}
        </Button>
      </Form>
    </Card>
  );
}
