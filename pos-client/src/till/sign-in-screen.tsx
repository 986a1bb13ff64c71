import { useI18n } from '../i18n/i18n-context';
import { useClerkSignIn } from '../features/auth/use-clerk-sign-in';
import { CenteredCard } from './centered-card';

export function SignInScreen() {
  const { t, errorText } = useI18n();
  const signIn = useClerkSignIn();
  return (
    <CenteredCard>
      <h1>{t('signIn.title')}</h1>
      <form
        className="field"
        style={{ gap: 18 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (signIn.pin.length === 0) void signIn.readBadge().then(() => signIn.pinRef.current?.focus());
          else void signIn.submit();
        }}
      >
        <label className="field">
          <span>{t('signIn.clerkCode')}</span>
          <input
            className="input num"
            value={signIn.clerkCode}
            onChange={(event) => signIn.setClerkCode(event.target.value)}
            inputMode="numeric"
            autoComplete="username"
            autoFocus
            data-testid="clerk-code-input"
          />
        </label>
        <label className="field">
          <span>{t('signIn.pin')}</span>
          <input
            ref={signIn.pinRef}
            className="input num"
            type="password"
            value={signIn.pin}
            onChange={(event) => signIn.setPin(event.target.value)}
            inputMode="numeric"
            autoComplete="current-password"
            data-testid="pin-input"
          />
        </label>
        {signIn.error && (
          <div className="notice notice-error" role="alert" data-testid="sign-in-error">
            {errorText(signIn.error.code, { retryAfterSeconds: signIn.error.retryAfterSeconds ?? 300 })}
          </div>
        )}
        {signIn.checkedOffline && <div className="notice notice-quiet">{t('signIn.offlineNote')}</div>}
        <button type="submit" className="button button-primary" disabled={signIn.busy || signIn.clerkCode.length < 3} data-testid="sign-in-button">
          {signIn.busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </CenteredCard>
  );
}
