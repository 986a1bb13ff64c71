import { Button, Table, Typography } from 'antd';
import type { AssortmentMode } from '@pos/shared';
import type { useAssortmentEditor } from '../features/office-settings/use-assortment-editor';
import { assortmentPageSize } from '../features/office-settings/use-assortment-editor';
import { useI18n } from '../i18n/i18n-context';

interface Props {
  editor: ReturnType<typeof useAssortmentEditor>;
  mode: AssortmentMode;
  total: number;
}

/** The store's list a page at a time, named through HQ; an id HQ cannot name still shows, shortened. */
export function AssortmentProductTable({ editor, mode, total }: Props) {
  const { t, pickName } = useI18n();
  if (total === 0) return null;
  return (
    <div>
      <Typography.Title level={3} className="office-subtitle">{t(`office.assortment.listTitle.${mode}`, { count: total })}</Typography.Title>
      <Table<string>
        data-testid="assortment-products"
        size="small"
        rowKey={(id) => id}
        dataSource={editor.shown}
        pagination={total > assortmentPageSize ? { current: editor.page, pageSize: assortmentPageSize, total, onChange: editor.setPage, size: 'small', showSizeChanger: false } : false}
        columns={[
          { key: 'sku', title: t('office.prices.colSku'), render: (_, id) => <span className="num office-code">{editor.product(id)?.sku ?? '…'}</span> },
          {
            key: 'name',
            title: t('office.prices.colProduct'),
            render: (_, id) => {
              const product = editor.product(id);
              return product ? pickName(product) : t('office.assortment.unnamed', { id: id.slice(0, 8) });
            },
          },
          {
            key: 'remove',
            title: <span className="office-visually-hidden">{t('office.devices.actions')}</span>,
            align: 'right',
            render: (_, id) => <Button type="link" danger size="small" onClick={() => editor.remove(id)}>{t('office.assortment.remove')}</Button>,
          },
        ]}
      />
    </div>
  );
}
