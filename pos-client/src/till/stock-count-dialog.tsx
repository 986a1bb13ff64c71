import type { TillStockCount } from '@pos/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTillServices } from '../app/services-context';
import { useClaimedBridgeScans } from '../bridge/use-bridge';
import { failureCode, isUnreachable, type HqResult } from '../hq/hq-failure';
import { useI18n } from '../i18n/i18n-context';
import { useModalDialog } from './use-modal-dialog';
import './member-dialog.css';

type Shown = { kind: 'loading' } | { kind: 'count'; count: NonNullable<TillStockCount['count']> } | { kind: 'none' } | { kind: 'offline' } | { kind: 'problem'; code: string };

/** What HQ's answer shows: the open count, none open, or why it could not be asked. */
function shownOf(answer: HqResult<TillStockCount>): Shown {
  if (answer.ok) return answer.value.count ? { kind: 'count', count: answer.value.count } : { kind: 'none' };
  return isUnreachable(answer.failure) ? { kind: 'offline' } : { kind: 'problem', code: failureCode(answer.failure) };
}

/**
 * Counting at the till (盘点): while the store has a count open (a manager opens it in the office),
 * a clerk scans each item on the shelf into it, one scan one unit, with the scanner the till sells
 * with; the dialog takes every scan while it is open, so nothing lands in the basket. Each scan is
 * sent to HQ at once, so counting needs HQ; the catalog the till holds names the product.
 */
export function StockCountDialog({ open, deviceToken, onClose }: { open: boolean; deviceToken: string; onClose: () => void }) {
  const { t, errorText, pickName } = useI18n();
  const { hq, db, bridge } = useTillServices();
  const ref = useModalDialog(open);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ text: string; ok: boolean } | null>(null);

  useEffect(() => {
    if (!open) return;
    setShown({ kind: 'loading' });
    setLast(null);
    let current = true;
    void hq.tillCount(deviceToken).then((answer) => current && setShown(shownOf(answer)));
    return () => {
      current = false;
    };
  }, [open, deviceToken, hq]);

  async function scan(text: string): Promise<void> {
    const scanned = text.trim();
    if (!scanned || shown.kind !== 'count') return;
    setCode('');
    const barcode = await db.barcodes.get(scanned);
    const product = barcode && (await db.products.get(barcode.productId));
    if (!product) {
      setLast({ text: t('count.unknown', { code: scanned }), ok: false });
      return;
    }
    const answer = await hq.countScan(deviceToken, shown.count.id, product.id);
    setShown(shownOf(answer));
    const line = answer.ok ? answer.value.count?.lines.find((l) => l.productId === product.id) : undefined;
    if (line) setLast({ text: t('count.scanned', { name: pickName(product), counted: line.counted ?? 1 }), ok: true });
  }

  useClaimedBridgeScans(bridge, open && shown.kind === 'count', (scanned) => void scan(scanned));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void scan(code);
  };

  return (
    <dialog ref={ref} className="member-dialog" aria-labelledby="stock-count-title" onClose={onClose} data-testid="stock-count">
      <h2 id="stock-count-title">{shown.kind === 'count' ? t('count.titleOf', { no: shown.count.no }) : t('count.title')}</h2>
      {shown.kind === 'loading' && <p className="notice notice-quiet">{t('count.loading')}</p>}
      {shown.kind === 'none' && <p className="notice notice-quiet" data-testid="stock-count-none">{t('count.none')}</p>}
      {shown.kind === 'offline' && <p className="notice notice-error" role="alert">{t('count.offline')}</p>}
      {shown.kind === 'problem' && <p className="notice notice-error" role="alert">{errorText(shown.code)}</p>}
      {shown.kind === 'count' && (
        <>
          <p>
            {shown.count.scope === 'category' && shown.count.category ? t('count.ofCategory', { name: pickName(shown.count.category) })
              : shown.count.scope === 'shelf' ? t('count.ofShelf', { shelf: shown.count.shelf ?? '' }) : t('count.ofStore')}
          </p>
          <form onSubmit={submit} className="count-scan">
            <label htmlFor="stock-count-code">{t('count.scan')}</label>
            <input id="stock-count-code" value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" autoFocus data-testid="stock-count-code" />
            <button type="submit" className="button">{t('count.add')}</button>
          </form>
          {last && <p className={`notice ${last.ok ? 'notice-quiet' : 'notice-error'}`} role={last.ok ? 'status' : 'alert'} data-testid="stock-count-last">{last.text}</p>}
          <table className="stock-siblings count-lines" data-testid="stock-count-lines">
            <caption>{t('count.lines', { count: shown.count.lines.length })}</caption>
            <tbody>
              {shown.count.lines.map((l) => (
                <tr key={l.productId}>
                  <th scope="row">{`${l.sku} ${pickName(l)}`}</th>
                  <td className="num">{l.counted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onClose} data-testid="stock-count-close">{t('count.close')}</button>
      </div>
    </dialog>
  );
}
