import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { CreateFranchiseeBody, Franchisee } from '@pos/shared';
import { useHqMutation } from '../features/office-core/use-hq-mutation';
import { bpToPercent, fenToYuan, percentToBp, yuanToFen } from '../features/office-org/org-queries';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';

interface FranchiseeValues {
  code: string;
  name: string;
  contact?: string;
  phone?: string;
  royaltyPercent: number;
  settlementCycle: 'monthly' | 'quarterly';
  creditYuan: number;
  contractStart?: string;
  contractEnd?: string;
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);
/** HQ names the fields by their wire names; the form holds royalty as % and credit as yuan. */
const formField: Record<string, string> = { royaltyRateBp: 'royaltyPercent', creditLimitMinor: 'creditYuan' };

/** Adds a franchisee (加盟商) or edits one's contract terms: royalty shown as %, credit limit as yuan, settlement cycle (做期). */
export function FranchiseeFormModal({ franchisee, open, onClose }: { franchisee: Franchisee | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FranchiseeValues>();
  const save = useHqMutation((v: FranchiseeValues) => {
    const fields = {
      name: v.name, contact: orNull(v.contact), phone: orNull(v.phone), royaltyRateBp: percentToBp(v.royaltyPercent), settlementCycle: v.settlementCycle,
      creditLimitMinor: yuanToFen(v.creditYuan), contractStart: orNull(v.contractStart), contractEnd: orNull(v.contractEnd),
    };
    return franchisee
      ? { method: 'PATCH' as const, path: `/franchisees/${franchisee.id}`, body: fields, schema: Franchisee }
      : { method: 'POST' as const, path: '/franchisees', body: CreateFranchiseeBody.parse({ ...fields, code: v.code }), schema: Franchisee };
  }, [['franchisees'], ['stores']]);
  const close = () => {
    save.reset();
    onClose();
  };
  const initialValues: Partial<FranchiseeValues> = franchisee
    ? { ...franchisee, contact: franchisee.contact ?? '', phone: franchisee.phone ?? '', royaltyPercent: bpToPercent(franchisee.royaltyRateBp), creditYuan: fenToYuan(franchisee.creditLimitMinor), contractStart: franchisee.contractStart ?? '', contractEnd: franchisee.contractEnd ?? '' }
    : { settlementCycle: 'monthly', royaltyPercent: 0, creditYuan: 0 };
  const submit = (v: FranchiseeValues) =>
    save.mutate(v, { onSuccess: close, onError: (error) => markHqFieldErrors(form, error, t('office.org.fieldRefused'), (path) => [formField[String(path[0])] ?? String(path[0])]) });
  const required = [{ required: true, message: t('office.org.required') }];

  return (
    <Modal open={open} title={t(franchisee ? 'office.franchisees.edit' : 'office.franchisees.add')} okText={t('office.org.save')} cancelText={t('common.cancel')}
      onOk={() => form.submit()} onCancel={close} confirmLoading={save.isPending} destroyOnHidden width={640}>
      <HqErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item name="code" label={t('office.org.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('office.org.codeRule') }]}><Input disabled={!!franchisee} maxLength={20} /></Form.Item>
        <Form.Item name="name" label={t('office.org.name')} rules={required}><Input maxLength={80} /></Form.Item>
        <Form.Item name="contact" label={t('office.org.contact')}><Input maxLength={40} /></Form.Item>
        <Form.Item name="phone" label={t('office.org.phone')}><Input maxLength={30} /></Form.Item>
        <Form.Item name="royaltyPercent" label={t('office.franchisees.royalty')} rules={required}><InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} /></Form.Item>
        <Form.Item name="settlementCycle" label={t('office.franchisees.cycle')}>
          <Select options={(['monthly', 'quarterly'] as const).map((c) => ({ value: c, label: t(`office.franchisees.cycle.${c}`) }))} />
        </Form.Item>
        <Form.Item name="creditYuan" label={t('office.franchisees.credit')} rules={required}><InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} /></Form.Item>
        <Form.Item name="contractStart" label={t('office.franchisees.contractStart')}><Input type="date" /></Form.Item>
        <Form.Item name="contractEnd" label={t('office.franchisees.contractEnd')}><Input type="date" /></Form.Item>
      </Form>
    </Modal>
  );
}
