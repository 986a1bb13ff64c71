import { keyComboOf, minor, linePaidAmounts, type PairedDevice, type ReturnReason, type SaleApproval } from '@pos/shared';
import type { KeyGate } from '../features/permissions/key-gate';
import { useReturnScreen } from '../features/returns/use-return-screen';
import { netRefundOf } from '../features/returns/till-return-plan';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { useTillShortcuts } from '../features/shortcuts/till-shortcuts-context';
import { KeyLabel } from './key-label';
import { useModalDialog } from './use-modal-dialog';
import { ReturnLines, ReturnMoney } from './return-parts';
import './return-screen.css';

interface ReturnScreenProps {
  pairing: PairedDevice;
  gate: KeyGate;
  /** The manager's approval given for the refund key, when the role needed one. */
  openedWith: SaleApproval | null;
  onClose: () => void;
}

const reasons: ReturnReason[] = ['changed_mind', 'faulty', 'wrong_item', 'other'];

/**
 * The return screen (退换货), opened by the refund key once the role allows: find the receipt, pick
 * what comes back, scan what goes out for an exchange, see the refund per tender, confirm with the
 * complete key.
 */
export function ReturnScreen(props: ReturnScreenProps) {
  const { t, errorText } = useI18n();
  const ref = useModalDialog(true);
  const shortcuts = useTillShortcuts();
  const r = useReturnScreen({ pairing: props.pairing, gate: props.gate, openedWith: props.openedWith, onDone: props.onClose });
  const currency = props.pairing.store.currency;
  const money = (amount: number) => formatMoney(minor(amount), currency);
  const found = r.original !== null || r.withoutReceipt;
  return (
    <dialog
      ref={ref}
      className="return-screen"
      aria-labelledby="return-title"
      onClose={props.onClose}
      onKeyDown={(event) => {
        if (keyComboOf(event) !== shortcuts.complete) return;
        event.preventDefault();
        void r.confirm();
      }}
      data-testid="return-screen"
    >
      <header className="return-head">
        <h2 id="return-title">{t('returns.title')}</h2>
        <button type="button" className="button" onClick={props.onClose}>
          {t('returns.close')} <span className="key">Esc</span>
        </button>
      </header>
      {r.done ? (
        <section className="return-done" role="status" data-testid="return-done">
          <p className="return-done-title">{t('returns.done', { no: r.done.returnNo })}</p>
          {r.done.payments.length > 0 ? (
            <p>{t('returns.donePay', { amount: money(r.done.payments[0]!.amountMinor), change: money(r.done.changeMinor) })}</p>
          ) : (
            <p data-testid="return-done-refund">{t('returns.doneRefund', { amount: money(r.done.refunds.reduce((n, x) => n + x.amountMinor, 0)) })}</p>
          )}
          {r.slip?.via === 'bridge' && <p>{t('returns.slipPrinted')}</p>}
          <button type="button" className="button button-primary" autoFocus onClick={props.onClose} data-testid="return-close">
            {t('returns.close')} <span className="key">Enter</span>
          </button>
        </section>
      ) : (
        <div className="return-body">
          <section className="return-find">
            <form
              className="return-receipt"
              onSubmit={(event) => {
                event.preventDefault();
                void r.lookUp();
              }}
            >
              <label className="field">
                <span>{t('returns.receiptLabel')}</span>
                <input
                  className="input num"
                  value={r.receiptText}
                  onChange={(event) => r.setReceiptText(event.target.value)}
                  autoComplete="off"
                  autoFocus
                  disabled={found}
                  placeholder="T01-42"
                  data-testid="return-receipt-input"
                />
              </label>
              <button type="submit" className="button button-primary" disabled={found || r.busy} data-testid="return-lookup">
                {r.busy ? t('returns.looking') : t('returns.lookUp')}
              </button>
            </form>
            {!found && <p className="return-hint">{t('returns.hint')}</p>}
            {r.lookupFailure && (
              <div className="notice notice-error" role="alert" data-testid="return-lookup-error">
                {errorText(r.lookupFailure)}
              </div>
            )}
            {!found && (r.lookupFailure === 'RECEIPT_LOOKUP_OFFLINE' || r.lookupFailure === 'RECEIPT_NOT_FOUND') && (
              <button type="button" className="button" onClick={() => void r.startWithoutReceipt()} data-testid="return-without-receipt">
                {t('returns.withoutReceipt')}
              </button>
            )}
            {r.original && (
              <p className="return-origin" data-testid="return-origin">
                {t('returns.receipt', { receipt: r.original.sale.receiptNo })} · {t('returns.fromStore', { store: r.original.storeCode ?? '—' })} ·{' '}
                {r.original.source === 'journal' ? t('returns.fromJournal') : t('returns.fromHq')}
              </p>
            )}
            {r.withoutReceipt && <p className="return-origin">{t('returns.noReceipt')}</p>}
            {r.original && <SaleLinesPicker r={r} money={money} />}
          </section>
          {found && (
            <section className="return-side">
              <ReturnLines r={r} money={money} />
              <label className="field">
                <span>{t('returns.reason')}</span>
                <select className="input" value={r.reason} onChange={(event) => r.setReason(event.target.value as ReturnReason)} data-testid="return-reason">
                  {reasons.map((reason) => (
                    <option key={reason} value={reason}>{t(`returns.reason.${reason}`)}</option>
                  ))}
                </select>
              </label>
              <ReturnMoney r={r} money={money} />
              {r.notice && (
                <div className="notice notice-error" role="alert" data-testid="return-error">
                  {errorText(r.notice.code, r.notice.params)}
                </div>
              )}
              <button type="button" className="button button-primary return-confirm" disabled={!r.plan || r.busy || (r.plan && netRefundOf(r.plan) === 0 && r.plan.back.length === 0)} onClick={() => void r.confirm()} data-testid="return-confirm">
                {r.exchange.lines.length ? t('returns.confirmExchange') : t('returns.confirm')} <KeyLabel action="complete" />
              </button>
            </section>
          )}
        </div>
      )}
    </dialog>
  );
}

type ScreenState = ReturnType<typeof useReturnScreen>;

function SaleLinesPicker({ r, money }: { r: ScreenState; money: (amount: number) => string }) {
  const { t, pickName } = useI18n();
  const sale = r.original!.sale;
  const paid = linePaidAmounts(sale);
  return (
    <table className="return-lines" data-testid="return-sale-lines">
      <thead>
        <tr>
          <th scope="col">{t('returns.item')}</th>
          <th scope="col" className="num">{t('returns.sold')}</th>
          <th scope="col" className="num">{t('returns.left')}</th>
          <th scope="col" className="num">{t('returns.paidEach')}</th>
          <th scope="col" className="num">{t('returns.back')}</th>
        </tr>
      </thead>
      <tbody>
        {sale.lines.map((line) => {
          const left = r.left.get(line.id) ?? 0;
          const name = pickName(line);
          return (
            <tr key={line.id} className={left === 0 ? 'returned' : undefined} data-testid="return-sale-line">
              <td>{name}</td>
              <td className="num">{line.quantity}</td>
              <td className="num" data-testid="return-left">{left}</td>
              <td className="num">{money(paid.get(line.id) ?? 0)}</td>
              <td className="num">
                <input
                  className="input num return-qty"
                  type="number"
                  min={0}
                  max={left}
                  value={r.picks.get(line.id) ?? 0}
                  disabled={left === 0}
                  aria-label={t('returns.backQuantity', { name })}
                  onChange={(event) => r.setPick(line.id, Number(event.target.value) || 0)}
                  data-testid="return-qty"
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
