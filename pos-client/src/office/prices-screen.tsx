import { systemNow } from '../features/office-core/clock';
import { formatAmount } from '../features/office-core/format-amount';
import { useOfficeHttp } from '../features/office-core/office-context';
import { productPageSize } from '../features/office-core/product-search-api';
import { usePriceEditor } from '../features/office-pricing/use-price-editor';
import { useI18n } from '../i18n/i18n-context';
import { PriceImportCard } from './price-import-card';
import { PricePanel } from './price-panel';

export function PricesScreen() {
  const http = useOfficeHttp();
  const { t, errorText, pickName } = useI18n();
  const editor = usePriceEditor(http, systemNow);
  const { products } = editor;
  const page = products.page;
  const pages = page ? Math.max(1, Math.ceil(page.total / productPageSize)) : 1;
  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.prices.title')}</h1>
          <p>{t('office.prices.hint')}</p>
        </div>
      </header>
      <div className="office-filters">
        <label className="office-field office-field-grow">
          <span>{t('office.prices.search')}</span>
          <input type="search" value={products.search.q} placeholder={t('office.prices.searchPlaceholder')} onChange={(e) => products.setQuery(e.target.value)} />
        </label>
        <label className="office-field">
          <span>{t('office.prices.priceAt')}</span>
          <select value={products.search.storeId ?? ''} onChange={(e) => products.setStoreId(e.target.value || null)}>
            <option value="">{t('office.prices.chain')}</option>
            {editor.stores.map((s) => (
              <option key={s.id} value={s.id}>{s.code} · {pickName(s)}</option>
            ))}
          </select>
        </label>
      </div>
      {products.errorCode && <div className="office-notice office-notice-error">{errorText(products.errorCode)}</div>}
      <div className="office-two-columns office-two-columns-wide">
        <div className="office-card">
          <table className="office-table office-table-select">
            <thead>
              <tr>
                <th>{t('office.prices.colSku')}</th>
                <th>{t('office.prices.colProduct')}</th>
                <th className="right">{t('office.prices.colNow')}</th>
              </tr>
            </thead>
            <tbody>
              {page?.items.map((item) => (
                <tr key={item.product.id} aria-selected={editor.selected?.product.id === item.product.id} onClick={() => editor.select(item)}>
                  <td><span className="num office-code">{item.product.sku}</span></td>
                  <td>
                    {pickName(item.product)}
                    {item.prices.some((p) => p.effectiveFrom && new Date(p.effectiveFrom) > new Date()) && <span className="office-badge office-badge-scheduled">{t('office.prices.scheduled')}</span>}
                  </td>
                  <td className="right num">{item.retailNowMinor === null ? '—' : formatAmount(item.retailNowMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page && page.items.length === 0 && <p className="office-empty">{t('office.prices.none')}</p>}
          <div className="office-pager">
            <span>{page ? t('office.prices.count', { total: page.total }) : t('office.loading')}</span>
            <button type="button" className="office-button" disabled={products.search.page <= 1} onClick={() => products.setPageNumber(products.search.page - 1)}>‹</button>
            <span className="num">{products.search.page} / {pages}</span>
            <button type="button" className="office-button" disabled={products.search.page >= pages} onClick={() => products.setPageNumber(products.search.page + 1)}>›</button>
          </div>
        </div>
        <PricePanel editor={editor} />
      </div>
      <PriceImportCard http={http} />
    </section>
  );
}
