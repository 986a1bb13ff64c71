import { Button, Form, Input, Modal, Typography } from 'antd';
import { parseMinor, type StorePriceRow } from '@pos/shared';
import { formatAmount, formatMoneyText } from '../features/office-core/format-amount';
import { useStorePriceMutations } from '../features/office-store-prices/use-store-prices';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

interface Fields {
  min: string;
  max: string;
}

const plain = (minorAmount: number) => formatAmount(minorAmount).replace(/,/g, '');

/** HQ sets or removes the band a product's store prices must fall in; mounted per product. */
export function PriceBandDialog({ row, onClose }: { row: StorePriceRow; onClose: () => void }) {
  const { t, pickName } = useI18n();
  const [form] = Form.useForm<Fields>();
  const { setBand, removeBand } = useStorePriceMutations();
  const amountRule = { validator: (_: unknown, v: string) => (v && parseMinor(v.trim()) !== null ? Promise.resolve() : Promise.reject(new Error(t('office.storePrices.amountInvalid')))) };

  async function submit({ min, max }: Fields) {
    const body = { minMinor: parseMinor(min.trim())!, maxMinor: parseMinor(max.trim())! };
    if (body.minMinor > body.maxMinor) {
      form.setFields([{ name: 'max', errors: [t('office.storePrices.bandOrder')] }]);
      return;
    }
    await setBand.mutateAsync({ productId: row.product.id, body }).then(onClose, () => undefined);
  }

  return (
    <Modal
      open
      title={t('office.storePrices.bandTitle', { name: pickName(row.product) })}
      okText={t('office.storePrices.save')}
      cancelText={t('office.storePrices.cancel')}
      confirmLoading={setBand.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('office.storePrices.chainPrice')}: {row.chainPriceMinor === null ? '—' : formatMoneyText(row.chainPriceMinor)}
        {' · '}{t('office.storePrices.bandHint')}
      </Typography.Paragraph>
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ min: row.productBand ? plain(row.productBand.minMinor) : '', max: row.productBand ? plain(row.productBand.maxMinor) : '' }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item name="min" label={t('office.storePrices.bandMin')} rules={[amountRule]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="max" label={t('office.storePrices.bandMax')} rules={[amountRule]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
      </Form>
      {row.productBand && (
        <Button danger loading={removeBand.isPending} onClick={() => void removeBand.mutateAsync(row.product.id).then(onClose, () => undefined)}>
          {t('office.storePrices.bandRemove')}
        </Button>
      )}
      <HqErrorAlert error={setBand.error ?? removeBand.error} />
    </Modal>
  );
}
