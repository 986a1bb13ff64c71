import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MemberCard, MemberDetail, RefundTender, UpdateMemberBody } from '@pos/shared';
import { formatMoneyText } from '../features/office-core/format-amount';
import { useOfficeUser } from '../features/office-core/office-context';
import { officeHash } from '../features/office-core/office-route';
import { useMember } from '../features/office-members/use-members';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert, markHqFieldErrors } from './hq-error';
import { MemberLedgersCard } from './member-ledgers-card';
import { OfficePage } from './office-page';

type Member = ReturnType<typeof useMember>;
type ProfileForm = { name: string; birthday: string; gender: MemberDetail['gender']; consentToMessages: boolean; tags: string[] };

/** One member's page (会员详情): account, its stored-value and points ledgers, cards with their lifecycle, profile, family and purchases. */
export function MemberDetailScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const member = useMember(id);
  const d = member.detail.data;
  return (
    <OfficePage title={d ? `${d.name} · ${d.cardNo ?? t('office.members.noCard')}` : t('office.members.title')} hint={t('office.members.detailHint')}
      extra={<a href={officeHash('members')}>{t('office.members.backToList')}</a>}>
      <HqErrorAlert error={member.detail.error} />
      {d && (
        <div data-testid="member-detail" style={{ display: 'grid', gap: 16 }}>
          <AccountCard d={d} member={member} />
          <MemberLedgersCard d={d} />
          <CardsCard d={d} member={member} />
          <ProfileCard d={d} member={member} />
          <FamilyCard d={d} member={member} />
          <HistoryCard d={d} />
        </div>
      )}
    </OfficePage>
  );
}

function AccountCard({ d, member }: { d: MemberDetail; member: Member }) {
  const { t, pickName } = useI18n();
  const { message } = App.useApp();
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.members.account')}</Typography.Title>} data-testid="member-account">
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('office.members.balance')}><span className="num" data-testid="member-balance">{formatMoneyText(d.account.balanceMinor)}</span></Descriptions.Item>
        <Descriptions.Item label={t('office.members.bonus')}><span className="num">{formatMoneyText(d.account.bonusMinor)}</span></Descriptions.Item>
        <Descriptions.Item label={t('office.members.points')}><span className="num">{d.account.points}</span></Descriptions.Item>
        <Descriptions.Item label={t('office.members.receivable')}><span className="num">{formatMoneyText(d.account.receivableMinor)}</span></Descriptions.Item>
        <Descriptions.Item label={t('office.members.level')}>{pickName(d.level)}</Descriptions.Item>
        <Descriptions.Item label={t('office.members.status')}><Tag color={d.active ? '#237804' : undefined}>{t(d.active ? 'office.members.active' : 'office.members.inactive')}</Tag></Descriptions.Item>
        {d.paidUntil && (
          <Descriptions.Item label={t('office.members.paidUntil')}>
            <Space>
              <span className="num">{d.paidUntil}</span>
              <Popconfirm title={t('office.members.renewConfirm')} okText={t('office.members.yes')} cancelText={t('common.cancel')}
                onConfirm={() => member.renew.mutateAsync().then(() => void message.success(t('office.members.renewed')), () => undefined)}>
                <Button size="small">{t('office.members.renew')}</Button>
              </Popconfirm>
            </Space>
          </Descriptions.Item>
        )}
        {d.parent && <Descriptions.Item label={t('office.members.sharedWith')}><a href={officeHash('members', d.parent.id)}>{d.parent.name}</a></Descriptions.Item>}
      </Descriptions>
      <HqErrorAlert error={member.renew.error} />
    </Card>
  );
}

const statusColor: Record<MemberCard['status'], string | undefined> = { issued: 'processing', active: '#237804', lost: 'error', replaced: undefined, cancelled: undefined };

function CardsCard({ d, member }: { d: MemberDetail; member: Member }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState<MemberCard | null>(null);
  const [pinFor, setPinFor] = useState<MemberCard | null>(null);
  const done = (key: 'office.members.cardLost' | 'office.members.cardReplaced' | 'office.members.cardActivated' | 'office.members.cardIssued') => () => void message.success(t(key));
  const confirm = (title: string, onConfirm: () => Promise<unknown>, label: string, testId: string, danger = false) => (
    <Popconfirm title={title} okText={t('office.members.yes')} cancelText={t('common.cancel')} onConfirm={() => onConfirm().catch(() => undefined)}>
      <Button size="small" danger={danger} data-testid={testId}>{label}</Button>
    </Popconfirm>
  );
  const actions = (c: MemberCard) => (
    <Space wrap size={4}>
      {c.status === 'issued' && confirm(t('office.members.activateConfirm', { card: c.cardNo }), () => member.activate.mutateAsync(c.id).then(done('office.members.cardActivated')), t('office.members.activate'), 'card-activate')}
      {(c.status === 'active' || c.status === 'issued') && confirm(t('office.members.lostConfirm', { card: c.cardNo }), () => member.reportLost.mutateAsync(c.cardNo).then(done('office.members.cardLost')), t('office.members.reportLost'), 'card-lost', true)}
      {(c.status === 'active' || c.status === 'lost') && confirm(t('office.members.replaceConfirm', { card: c.cardNo }), () => member.replace.mutateAsync(c.id).then(done('office.members.cardReplaced')), t('office.members.replace'), 'card-replace')}
      {(c.status === 'active' || c.status === 'issued') && <Button size="small" onClick={() => setPinFor(c)}>{t('office.members.pin')}</Button>}
      {c.status !== 'replaced' && c.status !== 'cancelled' && <Button size="small" danger onClick={() => setCancelling(c)}>{t('office.members.cancelCard')}</Button>}
    </Space>
  );
  const error = member.activate.error ?? member.reportLost.error ?? member.replace.error ?? member.issue.error;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.members.cards')}</Typography.Title>}
      extra={d.active && confirm(t('office.members.issueConfirm'), () => member.issue.mutateAsync().then(done('office.members.cardIssued')), t('office.members.issue'), 'card-issue')}>
      <HqErrorAlert error={error} />
      <Table<MemberCard> rowKey="id" size="small" pagination={false} dataSource={d.cards} data-testid="member-cards" columns={[
        { title: t('office.members.card'), key: 'cardNo', render: (_, c) => <span className="num">{c.cardNo}</span> },
        { title: t('office.members.status'), key: 'status', render: (_, c) => <Tag color={statusColor[c.status]} data-testid="card-status">{t(`office.members.cardStatus.${c.status}`)}</Tag> },
        { title: t('office.members.pin'), key: 'pin', render: (_, c) => (c.hasPin ? t(c.pinLocked ? 'office.members.pinLocked' : 'office.members.pinSet') : '—') },
        { title: t('office.members.since'), key: 'since', render: (_, c) => <span className="num">{formatDateTime(locale, c.statusChangedAt)}</span> },
        { title: t('office.members.actions'), key: 'actions', render: (_, c) => actions(c) },
      ]} />
      <CancelCardModal card={cancelling} d={d} member={member} onClose={() => setCancelling(null)} />
      <PinModal card={pinFor} member={member} onClose={() => setPinFor(null)} />
    </Card>
  );
}

function CancelCardModal({ card, d, member, onClose }: { card: MemberCard | null; d: MemberDetail; member: Member; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tender, setTender] = useState<RefundTender>('cash');
  const endsMembership = card !== null && card.status !== 'issued';
  const holdsMoney = endsMembership && d.parent === null && d.account.balanceMinor > 0;
  const submit = async () => {
    if (!card) return;
    const result = await member.cancel.mutateAsync({ cardId: card.id, refundTender: holdsMoney ? tender : undefined }).catch(() => null);
    if (!result) return;
    void message.success(t('office.members.cancelled', { refunded: formatMoneyText(result.refundedMinor), forfeited: formatMoneyText(result.forfeitedMinor) }));
    onClose();
  };
  return (
    <Modal open={card !== null} title={t('office.members.cancelTitle', { card: card?.cardNo ?? '' })} onCancel={onClose} onOk={() => void submit()}
      okText={t('office.members.cancelCard')} okButtonProps={{ danger: true }} confirmLoading={member.cancel.isPending} destroyOnHidden>
      <HqErrorAlert error={member.cancel.error} />
      <Typography.Paragraph>{t(endsMembership ? 'office.members.cancelEnds' : 'office.members.cancelSpare')}</Typography.Paragraph>
      {holdsMoney && (
        <Form layout="vertical">
          <Typography.Paragraph>{t('office.members.cancelBalance', { balance: formatMoneyText(d.account.balanceMinor), bonus: formatMoneyText(d.account.bonusMinor) })}</Typography.Paragraph>
          <Form.Item label={t('office.members.refundTender')} htmlFor="cancel-tender">
            <Select id="cancel-tender" value={tender} onChange={setTender} options={(['cash', 'bank_card'] as const).map((v) => ({ value: v, label: t(`office.members.tender.${v}`) }))} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function PinModal({ card, member, onClose }: { card: MemberCard | null; member: Member; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [pin, setPin] = useState('');
  const save = async (value: string | null) => {
    if (!card) return;
    const saved = await member.setPin.mutateAsync({ cardId: card.id, pin: value }).catch(() => null);
    if (!saved) return;
    void message.success(t(value === null ? 'office.members.pinCleared' : 'office.members.pinSaved'));
    setPin('');
    onClose();
  };
  return (
    <Modal open={card !== null} title={t('office.members.pinTitle', { card: card?.cardNo ?? '' })} onCancel={onClose} onOk={() => void save(pin)}
      okButtonProps={{ disabled: !/^\d{4,6}$/.test(pin) }} okText={t('office.members.pinSave')} confirmLoading={member.setPin.isPending} destroyOnHidden
      footer={(buttons) => <Space>{card?.hasPin && <Button onClick={() => void save(null)}>{t('office.members.pinClear')}</Button>}{buttons}</Space>}>
      <HqErrorAlert error={member.setPin.error} />
      <Form layout="vertical">
        <Form.Item label={t('office.members.pinNew')} htmlFor="card-pin" extra={t('office.members.pinHint')}>
          <Input.Password id="card-pin" inputMode="numeric" maxLength={6} autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProfileCard({ d, member }: { d: MemberDetail; member: Member }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const submit = async (values: ProfileForm) => {
    const body: UpdateMemberBody = { name: values.name, birthday: values.birthday.trim() === '' ? null : values.birthday.trim(), gender: values.gender, consentToMessages: values.consentToMessages, tags: values.tags };
    try {
      await member.update.mutateAsync(body);
      void message.success(t('office.members.saved'));
    } catch (error) {
      markHqFieldErrors(form, error, t('office.error.fieldRefused'));
    }
  };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.members.profile')}</Typography.Title>}>
      <HqErrorAlert error={member.update.error} />
      <Form<ProfileForm> form={form} layout="vertical" disabled={d.mergedIntoMemberId !== null} style={{ maxWidth: 560 }}
        initialValues={{ name: d.name, birthday: d.birthday ?? '', gender: d.gender, consentToMessages: d.consentToMessages, tags: d.tags }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('office.members.name')} htmlFor="member-name" rules={[{ required: true, max: 40 }]}><Input id="member-name" /></Form.Item>
        <Form.Item label={t('office.members.phone')}><span className="num">{d.phoneMasked ?? '—'}</span></Form.Item>
        <Form.Item name="birthday" label={t('office.members.birthday')} htmlFor="member-birthday" extra={t('office.members.birthdayHint')}><Input id="member-birthday" /></Form.Item>
        <Form.Item name="gender" label={t('office.members.gender')} htmlFor="member-gender">
          <Select id="member-gender" options={(['unspecified', 'female', 'male'] as const).map((g) => ({ value: g, label: t(`office.members.genderOf.${g}`) }))} />
        </Form.Item>
        <Form.Item name="consentToMessages" label={t('office.members.consent')} htmlFor="member-consent" valuePropName="checked"><Switch id="member-consent" /></Form.Item>
        <Form.Item name="tags" label={t('office.members.tags')} htmlFor="member-tags"><Select id="member-tags" mode="tags" tokenSeparators={[',', '，']} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={member.update.isPending}>{t('office.members.save')}</Button>
      </Form>
    </Card>
  );
}

function FamilyCard({ d, member }: { d: MemberDetail; member: Member }) {
  const { t } = useI18n();
  // Detaching a child card is HQ's (it changes whose money the child spends); limits are the store's too.
  const mayDetach = useOfficeUser().role === 'hq_admin';
  const [editing, setEditing] = useState<MemberDetail['children'][number] | null>(null);
  const [limits, setLimits] = useState<{ txn: number | null; day: number | null }>({ txn: null, day: null });
  if (d.children.length === 0) return null;
  const yuan = (minor: number | null) => (minor === null ? t('office.members.noLimit') : formatMoneyText(minor));
  const save = async () => {
    if (!editing) return;
    const toMinor = (v: number | null) => (v === null ? null : Math.round(v * 100));
    const saved = await member.setLimits.mutateAsync({ childId: editing.id, limits: { childTxnLimitMinor: toMinor(limits.txn), childDayLimitMinor: toMinor(limits.day) } }).catch(() => null);
    if (saved) setEditing(null);
  };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.members.children')}</Typography.Title>}>
      <HqErrorAlert error={member.detach.error} />
      <Table rowKey="id" size="small" pagination={false} dataSource={d.children} data-testid="member-children" columns={[
        { title: t('office.members.name'), key: 'name', render: (_, c) => <a href={officeHash('members', c.id)}>{c.name}</a> },
        { title: t('office.members.card'), key: 'card', render: (_, c) => <span className="num">{c.cardNo ?? '—'}</span> },
        { title: t('office.members.txnLimit'), key: 'txn', render: (_, c) => <span className="num">{yuan(c.childTxnLimitMinor)}</span> },
        { title: t('office.members.dayLimit'), key: 'day', render: (_, c) => <span className="num">{yuan(c.childDayLimitMinor)}</span> },
        { title: t('office.members.actions'), key: 'actions', render: (_, c) => (
          <Space size={4}>
            <Button size="small" onClick={() => { setEditing(c); setLimits({ txn: c.childTxnLimitMinor === null ? null : c.childTxnLimitMinor / 100, day: c.childDayLimitMinor === null ? null : c.childDayLimitMinor / 100 }); }}>{t('office.members.editLimits')}</Button>
            {mayDetach && (
              <Popconfirm title={t('office.members.detachConfirm', { name: c.name })} okText={t('office.members.yes')} cancelText={t('common.cancel')} onConfirm={() => member.detach.mutateAsync(c.id).catch(() => undefined)}>
                <Button size="small">{t('office.members.detach')}</Button>
              </Popconfirm>
            )}
          </Space>
        ) },
      ]} />
      <Modal open={editing !== null} title={t('office.members.limitsTitle', { name: editing?.name ?? '' })} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={member.setLimits.isPending} okText={t('office.members.save')} destroyOnHidden>
        <HqErrorAlert error={member.setLimits.error} />
        <Form layout="vertical">
          <Form.Item label={t('office.members.txnLimit')} htmlFor="limit-txn" extra={t('office.members.limitHint')}><InputNumber id="limit-txn" min={0} precision={2} value={limits.txn} onChange={(v) => setLimits({ ...limits, txn: v })} /></Form.Item>
          <Form.Item label={t('office.members.dayLimit')} htmlFor="limit-day"><InputNumber id="limit-day" min={0} precision={2} value={limits.day} onChange={(v) => setLimits({ ...limits, day: v })} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function HistoryCard({ d }: { d: MemberDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('office.members.history')}</Typography.Title>}>
      <Table rowKey="id" size="small" pagination={false} dataSource={d.recentSales} locale={{ emptyText: t('office.members.noHistory') }} columns={[
        { title: t('office.members.at'), key: 'at', render: (_, s) => <span className="num">{formatDateTime(locale, s.completedAt)}</span> },
        { title: t('office.members.receipt'), key: 'receipt', render: (_, s) => <span className="num">{s.receiptNo}</span> },
        { title: t('office.members.items'), dataIndex: 'itemCount', key: 'items', align: 'right' },
        { title: t('office.members.total'), key: 'total', align: 'right', render: (_, s) => <span className="num">{formatMoneyText(s.totalMinor)}</span> },
      ]} />
    </Card>
  );
}
