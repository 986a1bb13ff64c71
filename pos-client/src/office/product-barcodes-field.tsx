import { Button, Form, Input, Space } from 'antd';
import { useI18n } from '../i18n/i18n-context';

/** A product's barcodes: one row each, added and removed; HQ checks EAN check digits and who holds each code. */
export function ProductBarcodesField() {
  const { t } = useI18n();
  return (
    <Form.List name="barcodes">
      {(fields, { add, remove }) => (
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('office.products.barcodes')}</legend>
          {fields.map((field, index) => (
            <Space key={field.key} align="start">
              <Form.Item name={field.name} label={t('office.products.barcode', { n: index + 1 })} rules={[{ pattern: /^\d{8,14}$/, message: t('error.BARCODE_INVALID') }]}>
                <Input inputMode="numeric" maxLength={14} style={{ width: 200 }} data-testid={`product-barcode-${index}`} />
              </Form.Item>
              <Button onClick={() => remove(field.name)} aria-label={t('office.products.removeBarcode', { n: index + 1 })} style={{ marginTop: 30 }}>−</Button>
            </Space>
          ))}
          <div><Button onClick={() => add('')} data-testid="product-barcode-add">{t('office.products.addBarcode')}</Button></div>
        </fieldset>
      )}
    </Form.List>
  );
}
