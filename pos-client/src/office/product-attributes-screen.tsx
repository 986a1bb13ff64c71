import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useAttributeNames, useCatalogMutations } from '../features/office-catalog/catalog-queries';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

type Slots = { nameZh?: string; nameEn?: string }[];
const slots = [1, 2, 3, 4, 5, 6];

/** The names of the chain's six custom product attributes (自定义属性); HQ only. */
export function ProductAttributesScreen() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const names = useAttributeNames();
  const { saveAttributeNames } = useCatalogMutations();
  const [form] = Form.useForm<{ slots: Slots }>();
  useEffect(() => {
    if (names.data) form.setFieldsValue({ slots: slots.map((slot) => names.data.attributes.find((a) => a.slot === slot) ?? {}) });
  }, [names.data, form]);
  const submit = ({ slots: values }: { slots: Slots }) => {
    const attributes = values.flatMap((value, i) => (value.nameZh?.trim() && value.nameEn?.trim() ? [{ slot: i + 1, nameZh: value.nameZh.trim(), nameEn: value.nameEn.trim() }] : []));
    saveAttributeNames.mutate({ attributes }, { onSuccess: () => void message.success(t('office.catalog.saved')) });
  };
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('office.attributes.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('office.attributes.hint')}</Typography.Paragraph>
      <HqErrorAlert error={names.error ?? saveAttributeNames.error} />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        {slots.map((slot, i) => (
          <Space key={slot} align="start" wrap>
            <Form.Item name={['slots', i, 'nameZh']} label={t('office.attributes.nameZh', { n: slot })}><Input maxLength={30} /></Form.Item>
            <Form.Item name={['slots', i, 'nameEn']} label={t('office.attributes.nameEn', { n: slot })}><Input maxLength={30} /></Form.Item>
          </Space>
        ))}
        <Form.Item><Button type="primary" htmlType="submit" loading={saveAttributeNames.isPending}>{t('office.catalog.save')}</Button></Form.Item>
      </Form>
    </Card>
  );
}
