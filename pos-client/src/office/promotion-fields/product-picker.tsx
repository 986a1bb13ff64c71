import { useState } from 'react';
import type { ProductWithPrices } from '@pos/shared';
import { useProductSearch } from '../../features/office-core/use-product-search';
import { useI18n } from '../../i18n/i18n-context';
import { ChosenChips } from './chosen-chips';
import { usePromotionForm } from './promotion-form-context';

interface Props {
  /** The ids of the products chosen. */
  value: string[];
  onChange: (ids: string[]) => void;
  single?: boolean;
}

/** Chosen products as removable chips, and a search that adds a product to them. */
export function ProductPicker({ value, onChange, single = false }: Props) {
  const { t, pickName } = useI18n();
  const { http, names } = usePromotionForm();
  const search = useProductSearch(http);
  const [open, setOpen] = useState(false);
  const label = (id: string) => names.get(id) ?? `${id.slice(0, 8)}…`;

  function choose(item: ProductWithPrices) {
    const id = item.product.id;
    names.set(id, `${item.product.sku} ${pickName(item.product)}`);
    onChange(single ? [id] : value.includes(id) ? value : [...value, id]);
    setOpen(false);
  }

  return (
    <div className="office-picker">
      <ChosenChips ids={value} label={label} onChange={onChange} addText={t('office.promo.addProduct')} onAdd={() => setOpen(!open)} />
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
