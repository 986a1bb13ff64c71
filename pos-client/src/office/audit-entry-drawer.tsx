import { Descriptions, Drawer, Empty, Table, Typography } from 'antd';
import type { AuditEntry } from '@pos/shared';
import { auditDiff, readablePath, type FieldChange } from '../features/office-audit/audit-diff';
import { useI18n } from '../i18n/i18n-context';
import { actionText, entityText } from './audit-labels';

/** One audit entry: who, when, what, and its before and after as the fields that changed. */
export function AuditEntryDrawer({ entry, storeName, onClose }: { entry: AuditEntry | null; storeName: (id: string | null) => string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const changes = entry ? auditDiff(entry.before, entry.after) : [];
  const value = (text: string | null) => (text === null ? <Typography.Text type="secondary">—</Typography.Text> : <code className="office-audit-value">{text}</code>);
  return (
    <Drawer open={entry !== null} onClose={onClose} size="large" title={entry ? `${entityText(t, entry.entity)} · ${actionText(t, entry.action)}` : ''} closable={{ 'aria-label': t('office.audit.close') }}>
      {entry && (
        <>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'at', label: t('office.audit.at'), children: new Date(entry.at).toLocaleString(locale) },
            { key: 'actor', label: t('office.audit.actor'), children: `${entry.actor.name ?? '—'} (${t(`office.audit.kind.${entry.actor.kind}`)})` },
            { key: 'entity', label: t('office.audit.entity'), children: `${entityText(t, entry.entity)} ${entry.entityId}` },
            { key: 'store', label: t('office.audit.store'), children: storeName(entry.storeId) },
          ]} />
          <Typography.Title level={3} className="office-audit-diff-title">{t('office.audit.changes')}</Typography.Title>
          {changes.length === 0 ? <Empty description={t('office.audit.noChanges')} /> : (
            <Table<FieldChange> rowKey="path" size="small" pagination={false} dataSource={changes} columns={[
              { title: t('office.audit.field'), dataIndex: 'path', render: (p: string) => <span title={p}>{readablePath(p)}</span> },
              { title: t('office.audit.before'), dataIndex: 'before', render: value },
              { title: t('office.audit.after'), dataIndex: 'after', render: value },
            ]} />
          )}
        </>
      )}
    </Drawer>
  );
}
