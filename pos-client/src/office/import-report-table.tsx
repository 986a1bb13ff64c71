import type { ImportIssue, ImportKind, ImportReport } from '@pos/shared';
import { Table, type TableColumnsType } from 'antd';
import { columnLabel, issueText } from '../features/office-imports/issue-text';
import { useI18n } from '../i18n/i18n-context';

/** The report's problems, paged in the browser (the report is already all here). */
export function ImportReportTable({ kind, report }: { kind: ImportKind; report: ImportReport }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<ImportIssue & { key: number }> = [
    { key: 'row', title: t('office.imports.row'), dataIndex: 'row', width: 90, sorter: (a, b) => a.row - b.row },
    { key: 'column', title: t('office.imports.column'), width: 180, render: (_, issue) => columnLabel(kind, issue.column, locale) },
    { key: 'problem', title: t('office.imports.problem'), render: (_, issue) => issueText(t, kind, locale, issue) },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={report.issues.map((issue, key) => ({ ...issue, key }))}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('office.imports.issueTotal', { total }) }}
    />
  );
}
