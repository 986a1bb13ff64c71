import { useState } from 'react';
import type { ProductWithPrices } from '@pos/shared';
import { useProductSearch } from '../../features/office-core/use-product-search';
import { useI18n } from '../../i18n/i18n-context';
import { usePromotionForm } from './promotion-form-context';

interface Props {
  /** The ids chosen: products, or categories when `pick` takes a product's category. */
  value: string[];
  onChange: (ids: string[]) => void;
  pick?: 'product' | 'category';
  single?: boolean;
}

/** Chosen items as removable chips, and a search that adds a product (or its category) to them. */
export function ProductPicker({ value, onChange, pick = 'product', single = false }: Props) {
  const { t, pickName } = useI18n();
  const { http, names } = usePromotionForm();
  const search = useProductSearch(http);
  const [open, setOpen] = useState(false);
  const label = (id: string) => names.get(id) ?? `${id.slice(0, 8)}…`;

  function choose(item: ProductWithPrices) {
    const id = pick === 'product' ? item.product.id : item.product.categoryId;
    if (!id) return;
    names.set(id, pick === 'product' ? `${item.product.sku} ${pickName(item.product)}` : t('office.promo.categoryOf', { name: pickName(item.product) }));
    onChange(single ? [id] : value.includes(id) ? value : [...value, id]);
    setOpen(false);
  }

  return (
    <div className="office-picker">
      <div className="office-chips">
        {value.map((id) => (
          <span key={id} className="office-chip">
            {label(id)}
            <button type="button" aria-label={t('office.promo.remove')} onClick={() => onChange(value.filter((v) => v !== id))}>×</button>
          </span>
        ))}
        <button type="button" className="office-link" onClick={() => setOpen(!open)}>
          {pick === 'product' ? t('office.promo.addProduct') : t('office.promo.addCategory')}
        </button>
      </div>
      {open && (
        <div className="office-picker-drop">
          <input className="office-input" autoFocus placeholder={t('office.prices.searchPlaceholder')} value={search.search.q} onChange={(e) => search.setQuery(e.target.value)} />
          <ul>
            {search.page?.items.slice(0, 8).map((item) => (
              <li key={item.product.id}>
                <button type="button" onClick={() => choose(item)}>
                  <span className="office-code">{item.product.sku}</span> {pickName(item.product)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
