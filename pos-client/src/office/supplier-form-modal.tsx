import { Form, Input, Modal, Select } from 'antd';
import { CreateSupplierBody, Supplier, type SupplierSettlement } from '@pos/shared';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

interface SupplierFormValues {
  code: string;
  name: string;
  contactName?: string;
  phone?: string;
  email?: string;
  address?: string;
  settlement: SupplierSettlement;
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** Adds a supplier (no `supplier` given) or edits one; HQ's refusals mark the fields they name. */
export function SupplierFormModal({ supplier, open, onClose }: { supplier: Supplier | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SupplierFormValues>();
  const save = useHqMutation((values: SupplierFormValues) => {
    const fields = { name: values.name, contactName: orNull(values.contactName), phone: orNull(values.phone), email: orNull(values.email), address: orNull(values.address), settlement: values.settlement };
    return supplier
      ? { method: 'PATCH' as const, path: `/suppliers/${supplier.id}`, body: fields, schema: Supplier }
      : { method: 'POST' as const, path: '/suppliers', body: CreateSupplierBody.parse({ ...fields, code: values.code }), schema: Supplier };
  }, [['suppliers']]);

  const initialValues: Partial<SupplierFormValues> = supplier
    ? { ...supplier, contactName: supplier.contactName ?? '', phone: supplier.phone ?? '', email: supplier.email ?? '', address: supplier.address ?? '' }
    : { settlement: 'monthly' };
  const close = () => {
    save.reset();
    onClose();
  };

  const submit = (values: SupplierFormValues) =>
    save.mutate(values, { onSuccess: close, onError: (error) => markHqFieldErrors(form, error, t('office.org.fieldRefused')) });

  return (
    <Modal open={open} title={t(supplier ? 'office.suppliers.edit' : 'office.suppliers.add')} okText={t('office.org.save')} cancelText={t('common.cancel')}
      onOk={() => form.submit()} onCancel={close} confirmLoading={save.isPending} destroyOnHidden>
      <HqErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item name="code" label={t('office.org.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('office.org.codeRule') }]}>
          <Input disabled={supplier !== null} maxLength={20} />
        </Form.Item>
        <Form.Item name="name" label={t('office.org.name')} rules={[{ required: true, message: t('office.org.required') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="settlement" label={t('office.suppliers.settlement')}>
          <Select options={(['monthly', 'on_delivery'] as const).map((s) => ({ value: s, label: t(`office.suppliers.settlement.${s}`) }))} />
        </Form.Item>
        <Form.Item name="contactName" label={t('office.org.contact')}><Input maxLength={40} /></Form.Item>
        <Form.Item name="phone" label={t('office.org.phone')}><Input maxLength={30} /></Form.Item>
        <Form.Item name="email" label={t('office.suppliers.email')} rules={[{ type: 'email', message: t('office.suppliers.emailRule') }]}><Input maxLength={120} /></Form.Item>
        <Form.Item name="address" label={t('office.org.address')}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}
