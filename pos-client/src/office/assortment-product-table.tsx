import type { AssortmentMode } from '@pos/shared';
import type { useAssortmentEditor } from '../features/office-settings/use-assortment-editor';
import { useI18n } from '../i18n/i18n-context';
import { OfficePager } from './office-pager';

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
      <h2>{t(`office.assortment.listTitle.${mode}`, { count: total })}</h2>
      <table className="office-table" data-testid="assortment-products">
        <thead>
          <tr>
            <th>{t('office.prices.colSku')}</th>
            <th>{t('office.prices.colProduct')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {editor.shown.map((id) => {
            const product = editor.product(id);
            return (
              <tr key={id}>
                <td><span className="num office-code">{product?.sku ?? '…'}</span></td>
                <td>{product ? pickName(product) : t('office.assortment.unnamed', { id: id.slice(0, 8) })}</td>
                <td className="right">
                  <button type="button" className="office-link office-button-danger" onClick={() => editor.remove(id)}>{t('office.assortment.remove')}</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editor.pages > 1 && <OfficePager total={total} page={editor.page} pages={editor.pages} onPage={editor.setPage} />}
    </div>
  );
}
