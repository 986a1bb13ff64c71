import type { PromotionRule } from '@pos/shared';
import type { OfficeHttp } from '../features/office-core/office-http';
import { useProductSearch } from '../features/office-core/use-product-search';
import { useBasketPreview } from '../features/office-promotions/use-basket-preview';
import { useI18n } from '../i18n/i18n-context';
import { BasketPreviewResult } from './basket-preview-result';
import { usePromotionForm } from './promotion-fields/promotion-form-context';

/** "Try a basket": pick products, a store, a time and a member, and see exactly what the engine gives. */
export function BasketPreviewCard({ http, draft, draftValid }: { http: OfficeHttp; draft: PromotionRule | null; draftValid: boolean }) {
  const { t, pickName, errorText } = useI18n();
  const { stores, levels, categories } = usePromotionForm();
  const preview = useBasketPreview(http, draft, draftValid, stores[0]?.id ?? '', categories);
  const { setup, changeSetup } = preview;
  const search = useProductSearch(http);
  return (
    <div className="office-card office-form office-preview">
      <h2>{t('office.preview.title')}</h2>
      <div className="office-form-row">
        <label className="office-field office-field-grow">
          <span>{t('office.report.store')}</span>
          <select value={setup.storeId} onChange={(e) => changeSetup({ storeId: e.target.value })}>
            {stores.map((s) => <option key={s.id} value={s.id}>{s.code} · {pickName(s)}</option>)}
          </select>
        </label>
        <label className="office-field">
          <span>{t('office.preview.at')}</span>
          <input type="datetime-local" value={setup.at} onChange={(e) => changeSetup({ at: e.target.value })} />
        </label>
      </div>
      <div className="office-form-row">
        <label className="office-field">
          <span>{t('office.preview.member')}</span>
          <select value={setup.memberLevelId ?? ''} onChange={(e) => changeSetup({ memberLevelId: e.target.value || null })}>
            <option value="">{t('office.preview.noMember')}</option>
            {levels.map((l) => <option key={l.id} value={l.id}>{pickName(l)}</option>)}
          </select>
        </label>
        {setup.memberLevelId && (
          <label className="office-field">
            <span>{t('office.preview.birthday')}</span>
            <input placeholder="MM-DD" value={setup.birthday} onChange={(e) => changeSetup({ birthday: e.target.value })} />
          </label>
        )}
        <label className="office-field office-field-grow">
          <span>{t('office.preview.vouchers')}</span>
          <input value={setup.vouchers} onChange={(e) => changeSetup({ vouchers: e.target.value })} />
        </label>
      </div>
      <label className="office-check">
        <input type="checkbox" checked={setup.includeSaved} onChange={(e) => changeSetup({ includeSaved: e.target.checked })} />
        {t('office.preview.includeSaved')}
      </label>
      <label className="office-field">
        <span>{t('office.preview.add')}</span>
        <input type="search" placeholder={t('office.prices.searchPlaceholder')} value={search.search.q} onChange={(e) => search.setQuery(e.target.value)} />
      </label>
      {search.search.q && (
        <ul className="office-suggestions">
          {search.page?.items.slice(0, 5).map((item) => (
            <li key={item.product.id}>
              <button type="button" disabled={item.retailNowMinor === null} onClick={() => { preview.add(item); search.setQuery(''); }}>
                <span className="office-code">{item.product.sku}</span> {pickName(item.product)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!draftValid && draft && <div className="office-notice office-notice-warn">{t('office.preview.draftInvalid')}</div>}
      {preview.errorCode && <div className="office-notice office-notice-error">{errorText(preview.errorCode)}</div>}
      <BasketPreviewResult items={preview.items} priced={preview.priced} onQuantity={preview.setQuantity} onRemove={preview.remove} />
    </div>
  );
}
