import type { TillStockLookup } from '@pos/shared';
import { useEffect, useState } from 'react';
import { useTillServices } from '../app/services-context';
import { failureCode, isUnreachable } from '../hq/hq-failure';
import { useI18n } from '../i18n/i18n-context';

type Shown = { kind: 'loading' } | { kind: 'stock'; stock: TillStockLookup } | { kind: 'offline' } | { kind: 'problem'; code: string };

/** How many sibling stores the panel lists, those holding most first. */
const SIBLINGS_SHOWN = 8;

/**
 * A product's stock (库存查询), asked of HQ: this store's on hand and on the way, and what the
 * chain's other stores hold, so a cashier can send a customer to one that has it. Online only.
 */
export function StockPanel({ productId, productName, deviceToken }: { productId: string; productName: string; deviceToken: string }) {
  const { t, errorText, pickName } = useI18n();
  const { hq } = useTillServices();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  useEffect(() => {
    setShown({ kind: 'loading' });
    let current = true;
    void hq.stockLookup(deviceToken, productId).then((answer) => {
      if (!current) return;
      if (answer.ok) setShown({ kind: 'stock', stock: answer.value });
      else setShown(isUnreachable(answer.failure) ? { kind: 'offline' } : { kind: 'problem', code: failureCode(answer.failure) });
    });
    return () => {
      current = false;
    };
  }, [hq, deviceToken, productId]);

  const holding = shown.kind === 'stock' ? shown.stock.siblings.filter((s) => s.quantity > 0).slice(0, SIBLINGS_SHOWN) : [];
  return (
    <section className="stock-panel" aria-labelledby="stock-panel-title" aria-live="polite" data-testid="stock-panel">
      <h3 id="stock-panel-title">{t('stock.title', { name: productName })}</h3>
      {shown.kind === 'loading' && <p>{t('stock.loading')}</p>}
      {shown.kind === 'offline' && <p className="notice notice-error" role="alert">{t('stock.offline')}</p>}
      {shown.kind === 'problem' && <p className="notice notice-error" role="alert">{errorText(shown.code)}</p>}
      {shown.kind === 'stock' && (
        <>
          <p className="stock-here num" data-testid="stock-here">
            {t('stock.here', { quantity: shown.stock.here.quantity })}
            {shown.stock.here.inTransit > 0 && ` · ${t('stock.onTheWay', { quantity: shown.stock.here.inTransit })}`}
          </p>
          {holding.length === 0 ? (
            <p>{t('stock.noneElsewhere')}</p>
          ) : (
            <table className="stock-siblings">
              <caption>{t('stock.elsewhere')}</caption>
              <tbody>
                {holding.map((s) => (
                  <tr key={s.storeId} data-testid="stock-sibling">
                    <th scope="row">{`${s.storeCode} ${pickName(s)}`}</th>
                    <td className="num">{s.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
