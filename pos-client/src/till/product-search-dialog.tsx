import { useEffect, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { ProductMatch } from '../features/sales/search-products';
import { useProductSearch } from '../features/sales/use-product-search';
import './member-dialog.css';
import { StockPanel } from './stock-panel';
import { useModalDialog } from './use-modal-dialog';

interface ProductSearchDialogProps {
  open: boolean;
  /** What the cashier typed in the scan field before the search opened. */
  initialText: string;
  /** Adds the chosen product by its barcode, as if it were scanned. */
  onPick: (barcode: string) => void;
  onClose: () => void;
  /** The till's token, for asking HQ the chosen product's stock. */
  deviceToken: string;
}

/**
 * Letters typed in the scan field, or the Find button: finds a product by pinyin initials (`kl` for 可乐), pinyin, SKU, barcode or
 * Chinese name; ↑↓ choose, Enter adds, Alt+S asks HQ the chosen product's stock here and at the other stores (库存查询).
 */
export function ProductSearchDialog({ open, initialText, onPick, onClose, deviceToken }: ProductSearchDialogProps) {
  const { t, pickName } = useI18n();
  const ref = useModalDialog(open);
  const search = useProductSearch(open, initialText);
  const [stockOf, setStockOf] = useState<ProductMatch['product'] | null>(null);
  const chosen = search.matches[search.chosen];
  useEffect(() => {
    if (stockOf && chosen?.product.id !== stockOf.id) setStockOf(null);
  }, [chosen, stockOf]);
  useEffect(() => {
    if (!open) setStockOf(null);
  }, [open]);
  const pick = (match: ProductMatch | undefined) => {
    if (match?.barcode) onPick(match.barcode);
  };
  const askStock = () => {
    if (chosen) setStockOf(chosen.product);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      return askStock();
    }
    const keys: Record<string, () => void> = { ArrowDown: () => search.move(1), ArrowUp: () => search.move(-1), Enter: () => pick(chosen) };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  return (
    <dialog ref={ref} className="member-dialog product-search" onClose={onClose} aria-labelledby="product-search-title" data-testid="product-search-dialog">
      <div className="field">
        <h2 id="product-search-title">{t('search.title')}</h2>
        <p>{t('search.hint')}</p>
        <label className="field">
          <span>{t('search.label')}</span>
          {open && (
            <input
              className="input"
              value={search.text}
              onChange={(event) => search.setText(event.target.value.slice(0, 40))}
              onKeyDown={onKeyDown}
              autoComplete="off"
              autoFocus
              role="combobox"
              aria-expanded={search.matches.length > 0}
              aria-controls="product-search-results"
              data-testid="product-search-input"
            />
          )}
        </label>
        <ul id="product-search-results" className="search-results" role="listbox" aria-label={t('search.results')}>
          {search.matches.map((match, index) => (
            <li
              key={match.product.id}
              role="option"
              aria-selected={index === search.chosen}
              aria-disabled={match.barcode === null}
              className={index === search.chosen ? 'chosen' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(match)}
              data-testid="product-search-row"
            >
              <span className="num">{match.product.sku}</span>
              <span>{pickName(match.product)}</span>
              <span className="sub">{match.barcode ?? t('search.byWeight')}</span>
            </li>
          ))}
        </ul>
        {search.text.trim() !== '' && search.matches.length === 0 && <p role="status">{t('search.none')}</p>}
        {stockOf && <StockPanel productId={stockOf.id} productName={pickName(stockOf)} deviceToken={deviceToken} />}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={askStock} disabled={!chosen} data-testid="product-search-stock">
            {t('stock.ask')} <span className="key">Alt+S</span>
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('voucher.done')} <span className="key">Esc</span>
          </button>
        </div>
      </div>
    </dialog>
  );
}
