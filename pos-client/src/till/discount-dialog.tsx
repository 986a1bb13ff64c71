import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { minor, type ManualDiscount, type Minor, type SaleApproval, type TillPermissions } from '@pos/shared';
import type { KeyGate } from '../features/permissions/key-gate';
import { quickReasons } from '../features/sales/manual-discount';
import { useDiscountEntry } from '../features/sales/use-discount-entry';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './bridge.css';
import './discount-dialog.css';
import './member-dialog.css';

interface DiscountDialogProps {
  open: boolean;
  /** The selected line (its id, names and current net), or null when the basket has no selection. */
  line: { id: string; nameZh: string; nameEn: string; netMinor: Minor } | null;
  /** The ticket total before manual discounts. */
  ticketMinor: Minor;
  currency: string;
  /** The signed-in clerk. */
  clerk: { id: string };
  /** What the clerk's till role lets them discount alone; more needs a manager. */
  permissions: TillPermissions;
  gate: KeyGate;
  /** Discounts already given on this basket, each with what it is on; removing one needs no approval. */
  applied: readonly { discount: ManualDiscount; on: string }[];
  onRemove: (id: string) => void;
  onApply: (discount: ManualDiscount, approval: SaleApproval | null) => void;
  /** Esc, Cancel, or the dialog closed after the discount was applied. */
  onClose: () => void;
}

/** Enter on a radio button applies, as it does in a text field; browsers do not agree on it otherwise. */
function submitOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement) || event.target.type !== 'radio') return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/**
 * A manual discount (销售折让) on the selected line or the whole ticket: type the percentage or
 * amount off and press Enter. A discount over what the clerk's till role allows alone gets the
 * manager's code and PIN fields (店长授权), and Enter walks through them before the discount
 * applies; a discount key the role forbids is refused, naming the key.
 */
export function DiscountDialog({ open, line, ticketMinor, currency, clerk, permissions, gate, applied, onRemove, onApply, onClose }: DiscountDialogProps) {
  const { t, errorText, pickName } = useI18n();
  const entry = useDiscountEntry({ line, ticketMinor, currency, clerk, permissions, gate, onApply });
  const ref = useModalDialog(open);
  const { valueRef, codeRef, pinRef } = entry.refs;
  // The modal focuses its first control, the target; the value is what the cashier types first.
  useEffect(() => {
    if (open) valueRef.current?.focus();
  }, [open, valueRef]);
  const money = (amount: Minor) => formatMoney(amount, currency);

  return (
    <dialog
      ref={ref}
      className="discount-dialog"
      onClose={() => {
        entry.reset();
        onClose();
      }}
      data-testid="discount-dialog"
    >
      <form
        method="dialog"
        className="field"
        onKeyDown={submitOnEnter}
        onSubmit={(event) => {
          event.preventDefault();
          void entry.submit();
        }}
      >
        <h2>{t('discount.title')}</h2>
        {applied.length > 0 && (
          <ul className="voucher-list">
            {applied.map(({ discount, on }) => (
              <li key={discount.id} className="applied" data-testid="discount-applied">
                <span>{on}</span>
                <span className="num">
                  {discount.kind === 'percent' ? `${discount.value / 100}%` : money(minor(discount.value))}
                  {discount.reason ? ` · ${discount.reason}` : ''}
                </span>
                <button type="button" className="button" onClick={() => onRemove(discount.id)}>
                  {t('voucher.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Choices legend={t('discount.target')}>
          <Choice name="discount-target" checked={!entry.onTicket} disabled={!line} onChoose={() => entry.setOnTicket(false)} testId="discount-target-line">
            {line ? t('discount.targetLine', { name: pickName(line), amount: money(line.netMinor) }) : t('discount.targetNoLine')}
          </Choice>
          <Choice name="discount-target" checked={entry.onTicket} onChoose={() => entry.setOnTicket(true)} testId="discount-target-ticket">
            {t('discount.targetTicket', { amount: money(ticketMinor) })}
          </Choice>
        </Choices>
        <div className="discount-value-row">
          <Choices legend={t('discount.kind')}>
            <Choice name="discount-kind" checked={entry.kind === 'percent'} onChoose={() => entry.setKind('percent')} testId="discount-kind-percent">
              {t('discount.kindPercent')}
            </Choice>
            <Choice name="discount-kind" checked={entry.kind === 'amount'} onChoose={() => entry.setKind('amount')} testId="discount-kind-amount">
              {t('discount.kindAmount')}
            </Choice>
          </Choices>
          <label className="field">
            <span>{entry.kind === 'percent' ? t('discount.percentLabel') : t('discount.amountLabel', { currency })}</span>
            <input
              ref={valueRef}
              className="input num"
              value={entry.text}
              onChange={(event) => entry.setText(event.target.value)}
              inputMode="decimal"
              autoComplete="off"
              placeholder={entry.kind === 'percent' ? t('discount.percentPlaceholder') : t('discount.amountPlaceholder')}
              data-testid="discount-value-input"
            />
          </label>
        </div>
        {/* One slot for the live result or what is wrong, so the dialog does not jump while the cashier types. */}
        <div className="discount-outcome">
          {entry.offMinor !== null && entry.leftMinor !== null && (
            <div className="discount-preview num" data-testid="discount-preview">
              {t('discount.preview', { off: money(entry.offMinor), left: money(entry.leftMinor) })}
            </div>
          )}
          {entry.problem && (
            <div className="notice notice-error" role="alert" data-testid="discount-problem">
              {errorText(entry.problem, { max: money(entry.targetMinor), tillKey: entry.key })}
            </div>
          )}
        </div>
        <Choices legend={t('discount.reason')}>
          <Choice name="discount-reason" checked={entry.quick === null} onChoose={() => entry.setQuick(null)}>
            {t('discount.reason.none')}
          </Choice>
          {quickReasons.map((reason) => (
            <Choice key={reason} name="discount-reason" checked={entry.quick === reason} onChoose={() => entry.setQuick(reason)} testId={`discount-reason-${reason}`}>
              {t(`discount.reason.${reason}`)}
            </Choice>
          ))}
          <input
            className="input discount-note"
            value={entry.note}
            onChange={(event) => entry.setNote(event.target.value)}
            autoComplete="off"
            aria-label={t('discount.note')}
            placeholder={t('discount.notePlaceholder')}
            data-testid="discount-note-input"
          />
        </Choices>
        {entry.approval && (
          <fieldset className="discount-approval">
            <legend>{t('discount.approval')}</legend>
            <label className="field">
              <span>{t('discount.approverCode')}</span>
              <input ref={codeRef} className="input num" value={entry.approverCode} onChange={(event) => entry.setApproverCode(event.target.value)} inputMode="numeric" autoComplete="off" data-testid="discount-approver-code" />
            </label>
            <label className="field">
              <span>{t('discount.approverPin')}</span>
              <input ref={pinRef} className="input num" type="password" value={entry.pin} onChange={(event) => entry.setPin(event.target.value)} inputMode="numeric" autoComplete="off" data-testid="discount-approver-pin" />
            </label>
          </fieldset>
        )}
        {entry.failure && (
          <div className="notice notice-error" role="alert" data-testid="discount-approval-error">
            {errorText(entry.failure.code, { retryAfterSeconds: entry.failure.retryAfterSeconds ?? 300 })}
          </div>
        )}
        <DialogButtons onCancel={onClose} submit={{ label: entry.busy ? t('discount.checking') : t(entry.approval ? 'discount.approveAndApply' : 'discount.apply'), testId: 'discount-apply-button', disabled: entry.busy }} />
      </form>
    </dialog>
  );
}

function Choices({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="discount-choices">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

interface ChoiceProps {
  name: string;
  checked: boolean;
  disabled?: boolean;
  onChoose: () => void;
  testId?: string;
  children: ReactNode;
}

/** One option of a radio group, drawn as a key: the group is one Tab stop and the arrow keys move within it. */
function Choice({ name, checked, disabled = false, onChoose, testId, children }: ChoiceProps) {
  return (
    <label className="discount-choice">
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChoose} data-testid={testId} />
      {children}
    </label>
  );
}
