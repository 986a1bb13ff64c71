import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface DialogButtonsProps {
  onCancel: () => void;
  /** What Enter does: the form's submit button. */
  submit: { label: ReactNode; testId: string; disabled?: boolean };
  /** Any further buttons, between Cancel and the submit button. */
  children?: ReactNode;
}

/** A till dialog's row of buttons: Cancel on Esc first, the form's submit on Enter last. */
export function DialogButtons({ onCancel, submit, children }: DialogButtonsProps) {
  const { t } = useI18n();
  return (
    <div className="dialog-buttons">
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')} <span className="key">Esc</span>
      </button>
      {children}
      <button type="submit" className="button button-primary" disabled={submit.disabled} data-testid={submit.testId}>
        {submit.label} <span className="key">Enter</span>
      </button>
    </div>
  );
}
