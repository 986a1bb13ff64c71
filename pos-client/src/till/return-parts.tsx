import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { useReturnScreen } from '../features/returns/use-return-screen';

type ScreenState = ReturnType<typeof useReturnScreen>;
type Money = (amount: number) => string;

/** The scan field for goods going out (or, without a receipt, coming back), and the lines scanned so far. */
export function ReturnLines({ r, money }: { r: ScreenState; money: Money }) {
  const { t, pickName } = useI18n();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const code = event.currentTarget.value.trim();
    event.currentTarget.value = '';
    if (code !== '') void r.scan(code);
  };
  return (
    <div className="return-scan">
      <label className="field">
        <span>{r.withoutReceipt ? t('returns.scanLabel') : t('returns.scanOut')}</span>
        <input className="input num" inputMode="numeric" autoComplete="off" onKeyDown={onKeyDown} data-testid="return-scan-input" />
      </label>
      {r.withoutReceipt && (
        <div className="return-toggle" role="group" aria-label={t('returns.scanLabel')}>
          {(['back', 'out'] as const).map((into) => (
            <button key={into} type="button" className={`button ${r.scanInto === into ? 'button-primary' : ''}`} aria-pressed={r.scanInto === into} onClick={() => r.setScanInto(into)} data-testid={`return-scan-${into}`}>
              {into === 'back' ? t('returns.scanBack') : t('returns.scanOut')}
            </button>
          ))}
        </div>
      )}
      {r.unreceipted.lines.length > 0 && (
        <ul className="return-list" aria-label={t('returns.backTitle')} data-testid="return-back-list">
          {r.unreceipted.lines.map((line) => (
            <li key={line.id}>
              <span>{pickName(line)} × {line.quantity}</span>
              <span className="num">{money(line.unitPriceMinor * line.quantity)}</span>
              <button type="button" className="button" onClick={() => r.removeBack(line.id)}>{t('returns.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      {r.exchange.lines.length > 0 && (
        <ul className="return-list" aria-label={t('returns.outTitle')} data-testid="return-out-list">
          {r.exchange.lines.map((line) => (
            <li key={line.id}>
              <span>{pickName(line)} × {line.quantity}</span>
              <span className="num">{money(r.plan?.outLines.find((o) => o.productId === line.productId)?.netMinor ?? line.unitPriceMinor * line.quantity)}</span>
              <button type="button" className="button" onClick={() => r.removeOut(line.id)}>{t('returns.remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the return comes to: goods back, claw-back, goods out, and the refund per tender or what the customer pays. */
export function ReturnMoney({ r, money }: { r: ScreenState; money: Money }) {
  const { t } = useI18n();
  const plan = r.plan;
  if (!plan || (plan.back.length === 0 && plan.outLines.length === 0)) return <p className="return-hint">{t('returns.nothingYet')}</p>;
  return (
    <dl className="return-money" data-testid="return-money">
      <dt>{t('returns.backTotal')}</dt>
      <dd className="num" data-testid="return-back-total">{money(plan.backMinor)}</dd>
      {plan.clawbackMinor > 0 && (
        <>
          <dt>{t('returns.clawback')}</dt>
          <dd className="num" data-testid="return-clawback">-{money(plan.clawbackMinor)}</dd>
        </>
      )}
      {plan.outMinor > 0 && (
        <>
          <dt>{t('returns.outTotal')}</dt>
          <dd className="num" data-testid="return-out-total">-{money(plan.outMinor)}</dd>
        </>
      )}
      {plan.refunds.map((refund) => (
        <div key={`${refund.salePaymentId}-${refund.tender}`} className="return-refund" data-testid="return-refund">
          <dt>{t('returns.refundTo', { tender: t(`tender.${refund.tender}`) })}{refund.reference ? ` #${refund.reference}` : ''}</dt>
          <dd className="num strong" data-testid={`return-refund-${refund.tender}`}>{money(refund.amountMinor)}</dd>
        </div>
      ))}
      {plan.payMinor > 0 && (
        <>
          <dt>{t('returns.toPay')}</dt>
          <dd className="num strong" data-testid="return-to-pay">{money(plan.payMinor)}</dd>
          <dt>
            <label htmlFor="return-tendered">{t('returns.tendered')}</label>
          </dt>
          <dd>
            <input id="return-tendered" className="input num" inputMode="decimal" value={r.tendered} onChange={(event) => r.setTendered(event.target.value)} data-testid="return-tendered" />
          </dd>
        </>
      )}
    </dl>
  );
}
