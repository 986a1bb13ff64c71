import { Alert, Button, Card, Form, Table, Typography } from 'antd';
import { useState } from 'react';
import { importProblems, usePriceImport } from '../features/office-pricing/price-api';
import { useI18n } from '../i18n/i18n-context';
import { HqErrorAlert } from './hq-error';

const template = 'sku,store,kind,level,price,effective_from';

/** A CSV price list read from a file and sent to HQ; HQ imports every row or lists each bad one. */
export function PriceImportCard() {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const send = usePriceImport();
  const rows = csv ? csv.trim().split(/\r?\n/).length - 1 : 0;
  const problems = importProblems(send.error);

  async function choose(file: File | null) {
    send.reset();
    setCsv(file ? await file.text() : '');
  }

  return (
    <Card title={<Typography.Title level={2}>{t('office.import.title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('office.import.hint')}</Typography.Paragraph>
      <Typography.Paragraph><code className="office-code-block">{template}</code></Typography.Paragraph>
      <Form layout="inline" className="office-form-row">
        <Form.Item label={t('office.import.file')} htmlFor="price-import-file">
          <input id="price-import-file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0] ?? null)} />
        </Form.Item>
        <Button type="primary" disabled={rows === 0} loading={send.isPending} onClick={() => send.mutate(csv)}>
          {send.isPending ? t('office.import.busy') : t('office.import.send', { rows })}
        </Button>
      </Form>
      {send.data && <Alert type="success" showIcon className="office-alert" title={t('office.import.done', { imported: send.data.imported, created: send.data.created, updated: send.data.updated })} />}
      {problems.length > 0 ? (
        <>
          <Alert type="error" showIcon role="alert" className="office-alert" title={t('office.import.refused', { count: problems.length })} />
          <Table
            size="small"
            rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
            dataSource={problems}
            pagination={problems.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { key: 'row', title: t('office.import.row'), dataIndex: 'row', className: 'num' },
              { key: 'column', title: t('office.import.column'), render: (_, p) => <code>{p.column}</code> },
              { key: 'problem', title: t('office.import.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : (
        <HqErrorAlert error={send.error} className="office-alert" />
      )}
    </Card>
  );
}
