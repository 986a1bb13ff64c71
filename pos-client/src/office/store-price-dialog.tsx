import { Alert, Form, Input, Modal, Typography } from 'antd';
import { parseMinor, type StorePriceRow } from '@pos/shared';
import { bandOfError } from '../features/office-store-prices/band-of-error';
import { useStorePriceMutations } from '../features/office-store-prices/use-store-prices';
import { formatAmount, formatMoneyText } from '../features/office-core/format-amount';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

interface Props {
  storeId: string;
  row: StorePriceRow;
  onClose: () => void;
}

interface Fields {
  amount: string;
  from: string;
}

/** Sets a store's own price of one product, now or from a moment; the band is shown beside the field, and a refusal names it. Mounted per product. */
export function StorePriceDialog({ storeId, row, onClose }: Props) {
  const { t, pickName } = useI18n();
  const [form] = Form.useForm<Fields>();
  const { set } = useStorePriceMutations();
  const refusedBand = bandOfError(set.error);
  const band = refusedBand ?? row.band;
  const bandText = band && t('office.storePrices.allowed', { min: formatMoneyText(band.minMinor), max: formatMoneyText(band.maxMinor) });

  async function submit({ amount, from }: Fields) {
    const amountMinor = parseMinor(amount.trim())!;
    const effectiveFrom = from ? new Date(from).toISOString() : null;
    await set.mutateAsync({ storeId, productId: row.product.id, body: { amountMinor, effectiveFrom } }).then(onClose, () => undefined);
  }

  return (
    <Modal
      open
      title={t('office.storePrices.setTitle', { name: pickName(row.product) })}
      okText={t('office.storePrices.save')}
      cancelText={t('office.storePrices.cancel')}
      confirmLoading={set.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('office.storePrices.chainPrice')}: {row.chainPriceMinor === null ? '—' : formatMoneyText(row.chainPriceMinor)}
      </Typography.Paragraph>
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ amount: row.current ? formatAmount(row.current.amountMinor).replace(/,/g, '') : '', from: '' }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="amount"
          label={t('office.storePrices.amount')}
          extra={bandText}
          rules={[{ required: true, message: t('office.storePrices.amountInvalid') }, { validator: (_, v: string) => (!v || parseMinor(v.trim()) !== null ? Promise.resolve() : Promise.reject(new Error(t('office.storePrices.amountInvalid')))) }]}
        >
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="from" label={t('office.storePrices.from')} extra={t('office.storePrices.fromHint')}>
          <Input type="datetime-local" />
        </Form.Item>
      </Form>
      {refusedBand ? (
        <Alert type="error" showIcon role="alert" title={t('office.storePrices.outsideBand', { min: formatMoneyText(refusedBand.minMinor), max: formatMoneyText(refusedBand.maxMinor) })} />
      ) : (
        <HqErrorAlert error={set.error} />
      )}
    </Modal>
  );
}
