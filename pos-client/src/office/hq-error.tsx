import { Alert, type FormInstance } from 'antd';
import { HqError } from '../features/office-core/hq-query';
import { hqFieldIssues } from '../features/office-core/hq-field-errors';
import { useI18n } from '../i18n/i18n-context';

/** The user's words for what went wrong: HQ's error code through the message table, anything else as a fault. */
export function useHqErrorText(): (error: unknown) => string {
  const { errorText } = useI18n();
  return (error) => errorText(error instanceof HqError ? error.code : 'HQ_INVALID_RESPONSE');
}

/** HQ's `{error:{code,message}}` answer (or no answer) as an alert in the user's language; nothing without an error. */
export function HqErrorAlert({ error, className }: { error: unknown; className?: string }) {
  const text = useHqErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" className={className} title={text(error)} />;
}

/**
 * Marks the form fields HQ refused (a `VALIDATION_FAILED` answer's zod issue paths, mapped to form
 * names by `toName`, which returns null for a path the form has no field for). Answers whether
 * any field was marked, so the caller shows a general alert otherwise.
 */
export function markHqFieldErrors(
  form: FormInstance,
  error: unknown,
  message: string,
  toName: (path: (string | number)[]) => (string | number)[] | null = (path) => path,
): boolean {
  if (!(error instanceof HqError)) return false;
  const fields = hqFieldIssues(error.failure).flatMap((issue) => {
    const name = toName(issue.path);
    return name && name.length > 0 ? [{ name, errors: [message] }] : [];
  });
  form.setFields(fields);
  return fields.length > 0;
}
