import { useState, type FormEvent } from 'react';
import type { OfficeSignInBody } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';

interface Props {
  onSignIn: (body: OfficeSignInBody) => Promise<{ ok: true } | { ok: false; code: string }>;
}

export function OfficeSignInScreen({ onSignIn }: Props) {
  const { t, errorText, toggleLocale } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrorCode(null);
    const result = await onSignIn({ email: email.trim(), password });
    if (!result.ok) {
      setErrorCode(result.code);
      setBusy(false);
    }
  }

  const message = errorCode === 'UNAUTHENTICATED' || errorCode === 'VALIDATION_FAILED' ? t('office.signIn.wrong') : errorCode && errorText(errorCode);
  return (
    <div className="office-centered">
      <form className="office-card office-sign-in" onSubmit={(e) => void submit(e)}>
        <div className="office-sign-in-brand">
          <img src="/icons/icon.svg" alt="" />
          <span>{t('office.title')}</span>
          <button type="button" className="office-link" onClick={toggleLocale}>{t('status.language')}</button>
        </div>
        <h1>{t('office.signIn.title')}</h1>
        <p>{t('office.signIn.hint')}</p>
        <label className="office-field">
          <span>{t('office.signIn.email')}</span>
          <input type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="office-field">
          <span>{t('office.signIn.password')}</span>
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {message && <div className="office-notice office-notice-error" role="alert">{message}</div>}
        <button type="submit" className="office-button office-button-primary" disabled={busy}>
          {busy ? t('office.signIn.busy') : t('office.signIn.submit')}
        </button>
      </form>
    </div>
  );
}
