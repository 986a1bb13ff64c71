import { useEffect, useRef, useState } from 'react';
import type { TillKey } from '@pos/shared';
import type { ApprovalFailure } from '../features/permissions/approve-key';
import type { KeyGate } from '../features/permissions/key-gate';
import { useI18n } from '../i18n/i18n-context';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './bridge.css';
import './discount-dialog.css';
import './member-dialog.css';

const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);

/**
 * A manager's code and PIN (店长授权) for a key the signed-in clerk may not use alone: the key
 * waits in the gate until the manager approves or the cashier cancels (Esc). Checked offline
 * against the pulled clerks, with the sign-in's lock-out.
 */
export function ApprovalDialog({ gate, asking }: { gate: KeyGate; asking: { key: TillKey } | null }) {
  const { t, errorText } = useI18n();
  const ref = useModalDialog(asking !== null);
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: ApprovalFailure; retryAfterSeconds?: number } | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setCode('');
    setPin('');
    setFailure(null);
    setBusy(false);
    if (asking) codeRef.current?.focus();
  }, [asking]);

  async function submit(): Promise<void> {
    if (busy) return;
    if (code === '') return codeRef.current?.focus();
    if (pin === '') return pinRef.current?.focus();
    setBusy(true);
    setFailure(null);
    const result = await gate.approve({ clerkCode: code, pin });
    setBusy(false);
    setPin('');
    if (result.ok) return;
    setFailure({ code: result.code, retryAfterSeconds: result.retryAfterSeconds });
    pinRef.current?.focus();
  }

  const keyName = asking ? t(`tillKey.${asking.key}`) : '';
  return (
    <dialog ref={ref} className="discount-dialog approval-dialog" aria-labelledby="approval-title" onClose={() => gate.cancel()} data-testid="approval-dialog">
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="approval-title">{t('approval.title', { key: keyName })}</h2>
        <p>{t('approval.hint', { key: keyName })}</p>
        <fieldset className="discount-approval">
          <legend>{t('approval.manager')}</legend>
          <label className="field">
            <span>{t('discount.approverCode')}</span>
            <input ref={codeRef} className="input num" value={code} onChange={(event) => { setCode(digits(event.target.value)); setFailure(null); }} inputMode="numeric" autoComplete="off" data-testid="approval-code" />
          </label>
          <label className="field">
            <span>{t('discount.approverPin')}</span>
            <input ref={pinRef} className="input num" type="password" value={pin} onChange={(event) => setPin(digits(event.target.value))} inputMode="numeric" autoComplete="off" data-testid="approval-pin" />
          </label>
        </fieldset>
        {failure && (
          <div className="notice notice-error" role="alert" data-testid="approval-error">
            {errorText(failure.code, { retryAfterSeconds: failure.retryAfterSeconds ?? 300, key: keyName })}
          </div>
        )}
        <DialogButtons onCancel={() => gate.cancel()} submit={{ label: busy ? t('discount.checking') : t('approval.approve'), testId: 'approval-submit', disabled: busy }} />
      </form>
    </dialog>
  );
}
