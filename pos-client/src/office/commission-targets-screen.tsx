import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ClerkRecord } from '@pos/shared';
import { systemNow } from '../features/office-core/clock';
import { localDate } from '../features/office-core/local-date';
import { useOfficePermissions, useOfficeUser } from '../features/office-core/office-context';
import { useScopeStores } from '../features/office-core/office-queries';
import { dutyKey, dutyMinutes, dutyToSave, subjectKey, targetsToSave, targetTexts, type CommissionPool, type CommissionSubject } from '../features/office-commission/targets-draft';
import { useCommissionDuty, useCommissionTargets, useStoreCommissionSubjects } from '../features/office-commission/use-commission-targets';
import { useI18n } from '../i18n/i18n-context';
import { CommissionAdjustmentCard } from './commission-adjustment-card';
import { HqErrorAlert } from './hq-error';

type SubjectRow = CommissionSubject & { name: string };

/** A pool's column of minutes in the duty table: room for its name on two lines and a box of minutes. */
const POOL_COLUMN_WIDTH = 170;

const cardTitle = (text: string) => <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{text}</Typography.Title>;
const clerkName = (c: ClerkRecord) => `${c.code} · ${c.name}`;
const hoursText = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The period's targets of the store's clerks and pools, each box in yuan; empty is no target, and Save puts the whole set. */
function TargetsCard({ storeId, period, clerks, pools, mayEdit }: { storeId: string; period: string; clerks: ClerkRecord[]; pools: CommissionPool[]; mayEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { targets, save } = useCommissionTargets(period, storeId);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const held = targets.data?.targets ?? [];
  const texts = { ...targetTexts(held), ...edits };
  const rows: SubjectRow[] = [
    ...clerks.map((c) => ({ kind: 'clerk' as const, id: c.id, name: clerkName(c) })),
    ...pools.map((p) => ({ kind: 'pool' as const, id: p.id, name: p.name })),
  ];
  const submit = () => {
    const read = targetsToSave(rows, texts, held);
    setInvalid(read.ok ? [] : read.invalid);
    if (read.ok) save.mutate({ period, storeId, targets: read.targets }, { onSuccess: () => { setEdits({}); void message.success(t('office.commissionTargets.targetsSaved')); } });
  };
  const columns: TableColumnsType<SubjectRow> = [
    { title: t('office.commissionTargets.subject'), key: 'name', render: (_, r) => <Space><Tag color={r.kind === 'pool' ? 'purple' : 'blue'}>{t(`office.commissionTargets.kind.${r.kind}`)}</Tag>{r.name}</Space> },
    {
      title: t('office.commissionTargets.monthlyTarget'), key: 'target', width: 220,
      render: (_, r) => (
        <Input prefix="¥" inputMode="decimal" style={{ width: 180 }} disabled={!mayEdit} aria-label={t('office.commissionTargets.targetOf', { name: r.name })}
          status={invalid.includes(subjectKey(r)) ? 'error' : undefined} value={texts[subjectKey(r)] ?? ''}
          onChange={(event) => setEdits((current) => ({ ...current, [subjectKey(r)]: event.target.value }))} />
      ),
    },
  ];
  return (
    <Card style={{ marginTop: 16 }} title={cardTitle(t('office.commissionTargets.targets'))}
      extra={mayEdit && <Button type="primary" onClick={submit} disabled={!targets.data} loading={save.isPending} data-testid="commission-targets-save">{t('office.commissionTargets.saveTargets')}</Button>}>
      <Typography.Paragraph type="secondary">{t('office.commissionTargets.targetsHint')}</Typography.Paragraph>
      <HqErrorAlert error={targets.error ?? save.error} />
      {invalid.length > 0 && <Alert type="warning" showIcon title={t('office.commissionTargets.invalidTargets')} style={{ marginBottom: 12 }} />}
      <Table<SubjectRow> rowKey={subjectKey} size="small" loading={targets.isLoading} dataSource={rows} columns={columns} pagination={false} style={{ maxWidth: 760 }} data-testid="commission-targets" />
    </Card>
  );
}

/** A day's minutes on duty, clerk by pool; empty or 0 is not on duty, and Save puts the day. */
function DutyCard({ storeId, clerks, pools, mayEdit }: { storeId: string; clerks: ClerkRecord[]; pools: CommissionPool[]; mayEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [date, setDate] = useState(() => localDate(systemNow()));
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const { duty, save } = useCommissionDuty(storeId, date);
  const held = duty.data?.entries ?? [];
  const minutes = { ...dutyMinutes(held), ...edits };
  const dayOf = (clerkId: string) => pools.reduce((sum, p) => sum + (minutes[dutyKey(p.id, clerkId)] ?? 0), 0);
  const submit = () => save.mutate(
    { storeId, date, entries: dutyToSave(clerks.map((c) => c.id), pools.map((p) => p.id), minutes, held) },
    { onSuccess: () => { setEdits({}); void message.success(t('office.commissionTargets.dutySaved')); } },
  );
  const columns: TableColumnsType<ClerkRecord> = [
    { title: t('office.commission.clerk'), key: 'clerk', render: (_, c) => clerkName(c) },
    ...pools.map((p) => ({
      title: p.name, key: p.id, width: POOL_COLUMN_WIDTH,
      render: (_: unknown, c: ClerkRecord) => (
        <InputNumber min={0} max={1440} precision={0} step={30} style={{ width: 120 }} disabled={!mayEdit}
          aria-label={t('office.commissionTargets.minutesOf', { clerk: clerkName(c), pool: p.name })}
          value={minutes[dutyKey(p.id, c.id)] ?? null} onChange={(value) => setEdits((current) => ({ ...current, [dutyKey(p.id, c.id)]: value }))} />
      ),
    })),
    { title: t('office.commissionTargets.dayTotal'), key: 'total', align: 'right', width: 130, render: (_, c) => <span className="num">{hoursText(dayOf(c.id))}</span> },
  ];
  return (
    <Card style={{ marginTop: 16 }} title={cardTitle(t('office.commissionTargets.duty'))}
      extra={mayEdit && <Button type="primary" onClick={submit} disabled={!duty.data} loading={save.isPending} data-testid="commission-duty-save">{t('office.commissionTargets.saveDuty')}</Button>}>
      <Typography.Paragraph type="secondary">{t('office.commissionTargets.dutyHint')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t('office.commissionTargets.date')} htmlFor="commission-duty-date">
          <Input id="commission-duty-date" type="date" value={date} style={{ width: 170 }} onChange={(event) => {
            if (!event.target.value) return;
            setDate(event.target.value);
            setEdits({});
          }} />
        </Form.Item>
      </Form>
      <HqErrorAlert error={duty.error ?? save.error} />
      <Table<ClerkRecord> rowKey="id" size="small" loading={duty.isLoading} dataSource={clerks} columns={columns} pagination={false} scroll={{ x: 'max-content' }}
        style={{ maxWidth: 430 + pools.length * POOL_COLUMN_WIDTH }} data-testid="commission-duty" />
    </Card>
  );
}

/** Targets and duty (目标与出勤) of a store: the period's sales targets of its clerks and pools, who was on duty in which pool on a day, and adjustments to closed periods. */
export function CommissionTargetsScreen() {
  const { t, pickName } = useI18n();
  const user = useOfficeUser();
  const mayEdit = useOfficePermissions().modules.commission === 'edit';
  const mayAdjust = mayEdit && (user.role === 'hq_admin' || user.role === 'franchisee');
  const stores = useScopeStores();
  const [chosen, setChosen] = useState<string | null>(null);
  const storeId = chosen ?? stores.data?.[0]?.id ?? null;
  const [period, setPeriod] = useState(() => localDate(systemNow()).slice(0, 7));
  const subjects = useStoreCommissionSubjects(storeId);
  const pools: CommissionPool[] = [
    ...subjects.counters.map((c) => ({ id: c.id, name: `${c.code} · ${c.name}` })),
    ...(storeId ? [{ id: storeId, name: t('office.commissionTargets.storePool') }] : []),
  ];
  const ready = storeId !== null && !subjects.isLoading;
  return (
    <section className="office-page" data-testid="commission-targets-screen">
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('office.commissionTargets.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('office.commissionTargets.hint')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('office.commissionTargets.store')} htmlFor="commission-targets-store">
            <Select id="commission-targets-store" style={{ width: 260 }} value={storeId ?? undefined} loading={stores.isLoading} onChange={setChosen}
              options={(stores.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${pickName(s)}` }))} />
          </Form.Item>
          <Form.Item label={t('office.commission.period')} htmlFor="commission-targets-period">
            <Input id="commission-targets-period" type="month" value={period} onChange={(event) => event.target.value && setPeriod(event.target.value)} style={{ width: 170 }} />
          </Form.Item>
        </Form>
        <HqErrorAlert error={stores.error ?? subjects.error} />
      </Card>
      {ready && (
        <>
          <TargetsCard key={`${storeId}:${period}`} storeId={storeId} period={period} clerks={subjects.clerks} pools={pools} mayEdit={mayEdit} />
          <DutyCard key={storeId} storeId={storeId} clerks={subjects.clerks} pools={pools} mayEdit={mayEdit} />
          {mayAdjust && <CommissionAdjustmentCard key={`${storeId}:${period}`} storeId={storeId} period={period} clerks={subjects.clerks} pools={pools} />}
        </>
      )}
    </section>
  );
}
