import type { AssortmentMode, Product } from '@pos/shared';
import type { OfficeHttp } from '../features/office-core/office-http';
import { productPageSize } from '../features/office-core/product-search-api';
import { useProductSearch } from '../features/office-core/use-product-search';
import { useI18n } from '../i18n/i18n-context';
import { OfficePager } from './office-pager';

interface Props {
  http: OfficeHttp;
  mode: AssortmentMode;
  /** The ids already on the store's list. */
  listed: string[];
  onAdd: (product: Product) => void;
}

/** The price editor's product search, each product with a button that puts it on the store's list. */
export function AssortmentProductAdder({ http, mode, listed, onAdd }: Props) {
  const { t, pickName } = useI18n();
  const products = useProductSearch(http);
  const page = products.page;
  const pages = page ? Math.max(1, Math.ceil(page.total / productPageSize)) : 1;
  return (
    <div className="office-card office-form">
      <h2>{t(`office.assortment.addTitle.${mode}`)}</h2>
      <label className="office-field">
        <span>{t('office.prices.search')}</span>
        <input type="search" value={products.search.q} placeholder={t('office.prices.searchPlaceholder')} onChange={(e) => products.setQuery(e.target.value)} />
      </label>
      <table className="office-table" data-testid="assortment-search">
        <tbody>
          {page?.items.map(({ product }) => (
            <tr key={product.id}>
              <td><span className="num office-code">{product.sku}</span></td>
              <td>{pickName(product)}</td>
              <td className="right office-nowrap">
                {listed.includes(product.id) ? (
                  <span className="office-muted">{t('office.assortment.onList')}</span>
                ) : (
                  <button type="button" className="office-link" onClick={() => onAdd(product)}>{t('office.assortment.add')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.items.length === 0 && <p className="office-empty">{t('office.prices.none')}</p>}
      <OfficePager total={page?.total ?? null} page={products.search.page} pages={pages} onPage={products.setPageNumber} />
    </div>
  );
}
