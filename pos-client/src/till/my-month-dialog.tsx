import { minor, type MyMonth } from '@pos/shared';
import { useEffect, useState } from 'react';
import { useTillServices } from '../app/services-context';
import type { ClerkSignIn } from '../db/till-db';
import { failureCode, isUnreachable } from '../hq/hq-failure';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { useModalDialog } from './use-modal-dialog';

type Shown = { kind: 'loading' } | { kind: 'month'; month: MyMonth } | { kind: 'problem'; message: 'myMonth.offline' | 'myMonth.signedInOffline' | null; code: string | null };

/**
 * The signed-in clerk's own month (我的业绩): sales against their target and commission so far,
 * with the month before and a year before. Asked of HQ with the clerk's session, so it shows
 * their figures only; a clerk signed in offline is asked to sign in online first.
 */
export function MyMonthDialog({ open, session, deviceToken, onClose }: { open: boolean; session: ClerkSignIn; deviceToken: string; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { hq } = useTillServices();
  const ref = useModalDialog(open);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  useEffect(() => {
    if (!open) return;
    if (!session.token) return setShown({ kind: 'problem', message: 'myMonth.signedInOffline', code: null });
    setShown({ kind: 'loading' });
    let current = true;
    void hq.myMonth(deviceToken, session.token).then((answer) => {
      if (!current) return;
      if (answer.ok) setShown({ kind: 'month', month: answer.value });
      else setShown(isUnreachable(answer.failure) ? { kind: 'problem', message: 'myMonth.offline', code: null } : { kind: 'problem', message: null, code: failureCode(answer.failure) });
    });
    return () => {
      current = false;
    };
  }, [open, session.token, deviceToken, hq]);

  const money = (amount: number) => formatMoney(minor(amount), 'CNY');
  return (
    <dialog ref={ref} className="member-dialog" aria-labelledby="my-month-title" onClose={onClose} data-testid="my-month">
      <h2 id="my-month-title">{t('myMonth.title', { name: session.name })}</h2>
      {shown.kind === 'loading' && <p className="notice notice-quiet">{t('myMonth.loading')}</p>}
      {shown.kind === 'problem' && (
        <p className="notice notice-error" role="alert" data-testid="my-month-problem">{shown.message ? t(shown.message) : errorText(shown.code ?? 'INTERNAL')}</p>
      )}
      {shown.kind === 'month' && (
        <dl className="my-month num" data-testid="my-month-figures">
          <dt>{t('myMonth.period')}</dt>
          <dd>{`${shown.month.period.from} – ${shown.month.period.to}`}</dd>
          <dt>{t('myMonth.sales')}</dt>
          <dd data-testid="my-month-sales">{money(shown.month.figures.salesMinor)}</dd>
          <dt>{t('myMonth.target')}</dt>
          <dd>
            {shown.month.target.amountMinor === null ? t('myMonth.noTarget') : `${money(shown.month.target.amountMinor)} · ${(shown.month.target.reachedBp ?? 0) / 100}%`}
            {shown.month.target.amountMinor !== null && <progress max={10_000} value={Math.min(10_000, shown.month.target.reachedBp ?? 0)} aria-label={t('myMonth.target')} />}
          </dd>
          <dt>{t('myMonth.commission')}</dt>
          <dd data-testid="my-month-total"><strong>{money(shown.month.figures.totalMinor)}</strong></dd>
          <dt>{t('myMonth.parts')}</dt>
          <dd>{t('myMonth.partsText', { own: money(shown.month.figures.personalMinor), pool: money(shown.month.figures.poolShareMinor), back: money(shown.month.figures.clawbackMinor) })}</dd>
          <dt>{t('myMonth.previous')}</dt>
          <dd>{shown.month.previous ? `${money(shown.month.previous.salesMinor)} · ${money(shown.month.previous.totalMinor)}` : '—'}</dd>
          <dt>{t('myMonth.lastYear')}</dt>
          <dd>{shown.month.lastYear ? `${money(shown.month.lastYear.salesMinor)} · ${money(shown.month.lastYear.totalMinor)}` : '—'}</dd>
        </dl>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onClose} data-testid="my-month-close">{t('myMonth.close')}</button>
      </div>
    </dialog>
  );
}
