import { Form, Input, Modal, Select } from 'antd';
import { StoreRecord } from '@pos/shared';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { StoreDetailFields, useStoreChoices } from './store-open-modal';

export type StoreAction = 'edit' | 'close' | 'reopen' | 'franchisee' | 'region';

interface ActionValues {
  date: string;
  note?: string;
  franchiseeId?: string;
  regionId?: string;
  nameZh?: string;
  nameEn?: string;
  address?: string;
  timeZone?: string;
  currency?: string;
  connectivity?: StoreRecord['connectivity'];
}

const note = (v: ActionValues) => v.note?.trim() || null;

/** The request of each HQ action on a store, from the form's values. */
function requestOf(store: StoreRecord, action: StoreAction, v: ActionValues) {
  const path = `/stores/${store.id}`;
  const dated = (suffix: string, body: object) => ({ method: 'POST' as const, path: `${path}/${suffix}`, body, schema: StoreRecord });
  switch (action) {
    case 'edit':
      return { method: 'PATCH' as const, path, schema: StoreRecord, body: { nameZh: v.nameZh, nameEn: v.nameEn, address: v.address?.trim() || null, timeZone: v.timeZone, currency: v.currency, connectivity: v.connectivity } };
    case 'close':
      return dated('close', { closedOn: v.date, note: note(v) });
    case 'reopen':
      return dated('reopen', { effectiveOn: v.date, note: note(v) });
    case 'franchisee':
      return dated('franchisee', { franchiseeId: v.franchiseeId || null, effectiveOn: v.date, note: note(v) });
    case 'region':
      return dated('region', { regionId: v.regionId || null, effectiveOn: v.date, note: note(v) });
  }
}

/** One HQ action on a store in a dialog: edit details, close, reopen, or move to another franchisee or region from a date. */
export function StoreActionModal({ store, action, today, onClose }: { store: StoreRecord; action: StoreAction | null; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const choices = useStoreChoices();
  const save = useHqMutation((v: ActionValues) => requestOf(store, action ?? 'edit', v), [['stores']]);
  const close = () => {
    save.reset();
    onClose();
  };
  const toField = (path: (string | number)[]) => {
    const field = String(path[0]);
    return [['closedOn', 'effectiveOn'].includes(field) ? 'date' : field];
  };
  const submit = (v: ActionValues) => save.mutate(v, { onSuccess: close, onError: (error) => markHqFieldErrors(form, error, t('office.org.fieldRefused'), toField) });
  const initialValues: ActionValues = { ...store, address: store.address ?? '', date: today, franchiseeId: store.franchiseeId ?? '', regionId: store.regionId ?? '' };

  return (
    <Modal open={action !== null} title={action ? t(`office.stores.action.${action}`) : ''} okText={t('office.org.save')} cancelText={t('common.cancel')}
      onOk={() => form.submit()} onCancel={close} confirmLoading={save.isPending} destroyOnHidden>
      <HqErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {action === 'edit' && (
          <>
            <Form.Item name="nameZh" label={t('office.org.nameZh')} rules={[{ required: true, message: t('office.org.required') }]}><Input maxLength={60} /></Form.Item>
            <Form.Item name="nameEn" label={t('office.org.nameEn')} rules={[{ required: true, message: t('office.org.required') }]}><Input maxLength={60} /></Form.Item>
            <StoreDetailFields />
          </>
        )}
        {action === 'franchisee' && <Form.Item name="franchiseeId" label={t('office.stores.newOperation')}><Select options={choices.franchisees} /></Form.Item>}
        {action === 'region' && <Form.Item name="regionId" label={t('office.stores.newRegion')}><Select options={choices.regions} /></Form.Item>}
        {action !== 'edit' && (
          <>
            <Form.Item name="date" label={t(action === 'close' ? 'office.stores.closedOnLabel' : 'office.stores.effectiveOn')} extra={t('office.stores.dateHint')}
              rules={[{ required: true, message: t('office.org.required') }]}>
              <Input type="date" max={today} />
            </Form.Item>
            <Form.Item name="note" label={t('office.stores.note')}><Input.TextArea maxLength={200} rows={2} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
