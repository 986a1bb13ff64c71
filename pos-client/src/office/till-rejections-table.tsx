import { Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { SyncRejection, TillMonitorRow } from '@pos/shared';
import { useState, type HTMLAttributes } from 'react';
import type { useTillMonitor } from '../features/office-till-monitor/till-monitor-api';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../i18n/translate';
import { HqErrorAlert } from './hq-error';

type Actions = Pick<ReturnType<typeof useTillMonitor>, 'resend' | 'accept'>;

/** A till's rejected documents with HQ's reason, and the manager's two actions: send again, or accept a correction with a note. */
export function TillRejectionsTable({ till, resend, accept, age }: { till: TillMonitorRow; age: (iso: string) => string } & Actions) {
  const { t, locale } = useI18n();
  const [settling, setSettling] = useState<SyncRejection | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  return (
    <div data-testid="till-rejections" data-device={till.deviceCode}>
      <HqErrorAlert error={resend.error ?? accept.error} className="office-alert" />
      <Table<SyncRejection>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={till.rejections}
        onRow={(r) => ({ 'data-document': r.documentId, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'kind', title: t('office.tillMonitor.document'), render: (_, r) => <span>{r.kind ? t(`office.tillMonitor.kind.${r.kind}` as 'office.tillMonitor.kind.sale') : '—'} <code className="office-muted-id">{r.documentId.slice(-8)}</code></span> },
          { key: 'when', title: t('office.tillMonitor.rejectedAt'), render: (_, r) => <span title={formatDateTime(locale, r.lastRejectedAt)}>{age(r.lastRejectedAt)}{r.times > 1 && ` · ${t('office.tillMonitor.times', { count: r.times })}`}</span> },
          { key: 'reason', title: t('office.tillMonitor.reason'), render: (_, r) => <span><code>{r.code}</code> · {r.message}</span> },
          {
            key: 'actions', title: <span className="office-visually-hidden">{t('office.devices.actions')}</span>, align: 'right',
            render: (_, r) =>
              r.status === 'resend' ? (
                <Tag color="processing">{t('office.tillMonitor.resendAsked')}</Tag>
              ) : (
                <Space>
                  <Button size="small" loading={resend.isPending && resend.variables === r.id} onClick={() => resend.mutate(r.id)} data-testid="rejection-resend">
                    {t('office.tillMonitor.resend')}
                  </Button>
                  <Button size="small" onClick={() => setSettling(r)} data-testid="rejection-accept">
                    {t('office.tillMonitor.accept')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={settling !== null}
        title={t('office.tillMonitor.acceptTitle')}
        okText={t('office.tillMonitor.accept')}
        cancelText={t('office.tillMonitor.cancel')}
        confirmLoading={accept.isPending}
        onCancel={() => setSettling(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={({ note }) => settling && accept.mutate({ id: settling.id, note: note.trim() }, { onSuccess: () => setSettling(null) })}
        >
          <p>{t('office.tillMonitor.acceptHint')}</p>
          <Form.Item name="note" label={t('office.tillMonitor.note')} rules={[{ required: true, whitespace: true, max: 500, message: t('office.tillMonitor.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="accept-note" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
