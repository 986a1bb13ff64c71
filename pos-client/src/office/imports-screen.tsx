import { ImportKind, type ExportFormat } from '@pos/shared';
import { Alert, Button, Card, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useOfficeHttp, useOfficeUser } from '../features/office-core/office-context';
import { downloadExport } from '../features/office-imports/imports-api';
import { useImportUpload } from '../features/office-imports/use-import-upload';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { HqErrorAlert } from './hq-error';
import { ImportReportTable } from './import-report-table';

/** Import and export (导入导出): pick a kind, download its template or data, upload a file, check it, then import it. */
export function ImportsScreen() {
  const http = useOfficeHttp();
  const user = useOfficeUser();
  const { t, locale } = useI18n();
  const kinds = user.role === 'hq_admin' ? ImportKind.options : (['clerks'] as const);
  const [kind, setKind] = useState<ImportKind>(kinds[0]);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const upload = useImportUpload(http, kind);
  const download = (template: boolean) => {
    setDownloadError(null);
    downloadExport(http, kind, format, locale, template).catch(setDownloadError);
  };
  const { outcome } = upload;
  return (
    <section className="office-page">
      <div>
        <Typography.Title level={2}>{t('office.nav.imports')}</Typography.Title>
        <Typography.Paragraph>{t('office.imports.hint')}</Typography.Paragraph>
      </div>
      <Card title={t('office.imports.download')}>
        <Form layout="inline">
          <Form.Item label={t('office.imports.kind')} htmlFor="import-kind">
            <Select id="import-kind" style={{ width: 200 }} value={kind} onChange={(next) => { setKind(next); upload.choose(null); }}
              options={kinds.map((k) => ({ value: k, label: t(`office.imports.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item label={t('office.imports.format')}>
            <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} aria-label={t('office.imports.format')}
              options={[{ value: 'xlsx', label: 'Excel (.xlsx)' }, { value: 'csv', label: 'CSV' }]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button onClick={() => download(true)}>{t('office.imports.template')}</Button>
              <Button onClick={() => download(false)}>{t('office.imports.data')}</Button>
            </Space>
          </Form.Item>
        </Form>
        {downloadError !== null && <HqErrorAlert error={downloadError} />}
      </Card>
      <Card title={t('office.imports.upload')}>
        <Form layout="vertical">
          <Form.Item label={t('office.imports.file')} htmlFor="import-file" extra={t('office.imports.fileHint')}>
            <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => upload.choose(e.target.files?.[0] ?? null)} />
          </Form.Item>
          <Space>
            <Button disabled={!upload.file || upload.busy} loading={upload.busy && !upload.mayImport} onClick={upload.check}>{t('office.imports.check')}</Button>
            <Button type="primary" disabled={!upload.mayImport || upload.busy} loading={upload.busy && upload.mayImport} onClick={upload.importNow}>{t('office.imports.import')}</Button>
          </Space>
        </Form>
      </Card>
      {upload.error !== null && <HqErrorAlert error={upload.error} />}
      {outcome?.kind === 'result' && (
        <Alert type="success" showIcon role="status"
          message={t(outcome.result.dryRun ? 'office.imports.checked' : 'office.imports.done', { rows: outcome.result.rows, created: outcome.result.created, updated: outcome.result.updated })} />
      )}
      {outcome?.kind === 'report' && (
        <Card title={t('office.imports.reportTitle', { bad: outcome.report.badRows, rows: outcome.report.rows })}>
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={t('office.imports.nothingWritten', { issues: outcome.report.issueCount })} />
          <ImportReportTable kind={kind} report={outcome.report} />
        </Card>
      )}
    </section>
  );
}
