import { Form, Input, Modal, Select } from 'antd';
import { OpenStoreBody, StoreRecord } from '@pos/shared';
import { officeHash } from '../features/office-core/office-route';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useFranchiseeChoices, useRegions } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

interface OpenStoreValues {
  code: string;
  nameZh: string;
  nameEn: string;
  franchiseeId: string;
  regionId: string;
  address?: string;
  timeZone: string;
  currency: string;
  connectivity: 'online' | 'batch' | 'managed';
  openedOn: string;
}

/** Choices of a franchisee (or direct operation, '') and of a region (or none, ''), shared by the store forms. */
export function useStoreChoices() {
  const { t, pickName } = useI18n();
  const franchisees = useFranchiseeChoices(true);
  const regions = useRegions();
  return {
    franchisees: [{ value: '', label: t('office.stores.operation.direct') }, ...(franchisees.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))],
    regions: [{ value: '', label: t('office.stores.noRegion') }, ...(regions.data ?? []).filter((r) => r.active).map((r) => ({ value: r.id, label: pickName(r) }))],
  };
}

/** Opening a store (开店), HQ only; it opens the new store's page once HQ has it. */
export function StoreOpenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OpenStoreValues>();
  const choices = useStoreChoices();
  const save = useHqMutation((v: OpenStoreValues) => ({
    method: 'POST' as const, path: '/stores', schema: StoreRecord,
    body: OpenStoreBody.parse({ ...v, franchiseeId: v.franchiseeId || null, regionId: v.regionId || null, address: v.address?.trim() || null }),
  }), [['stores']]);
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (v: OpenStoreValues) => save.mutate(v, {
    onSuccess: (store) => {
      close();
      window.location.hash = officeHash('stores', store.id);
    },
    onError: (error) => markHqFieldErrors(form, error, t('office.org.fieldRefused')),
  });
  const initialValues: Partial<OpenStoreValues> = { franchiseeId: '', regionId: '', timeZone: 'Asia/Shanghai', currency: 'CNY', connectivity: 'online' };
  const required = [{ required: true, message: t('office.org.required') }];

  return (
    <Modal open={open} title={t('office.stores.openStore')} okText={t('office.stores.openStore')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={close}
      confirmLoading={save.isPending} destroyOnHidden width={640}>
      <HqErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item name="code" label={t('office.org.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('office.org.codeRule') }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="nameZh" label={t('office.org.nameZh')} rules={required}><Input maxLength={60} /></Form.Item>
        <Form.Item name="nameEn" label={t('office.org.nameEn')} rules={required}><Input maxLength={60} /></Form.Item>
        <Form.Item name="franchiseeId" label={t('office.stores.operation')}><Select options={choices.franchisees} /></Form.Item>
        <Form.Item name="regionId" label={t('office.stores.region')}><Select options={choices.regions} /></Form.Item>
        <StoreDetailFields />
        <Form.Item name="openedOn" label={t('office.stores.openedOn')} rules={required}><Input type="date" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The fields a store's opening and its later edits share. */
export function StoreDetailFields() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('office.org.required') }];
  return (
    <>
      <Form.Item name="address" label={t('office.org.address')}><Input maxLength={200} /></Form.Item>
      <Form.Item name="timeZone" label={t('office.stores.timeZone')} rules={required}><Input maxLength={64} /></Form.Item>
      <Form.Item name="currency" label={t('office.stores.currency')} rules={[{ required: true, pattern: /^[A-Z]{3}$/, message: t('office.stores.currencyRule') }]}><Input maxLength={3} /></Form.Item>
      <Form.Item name="connectivity" label={t('office.stores.connectivity')}>
        <Select options={(['online', 'batch', 'managed'] as const).map((c) => ({ value: c, label: t(`office.stores.connectivity.${c}`) }))} />
      </Form.Item>
    </>
  );
}
