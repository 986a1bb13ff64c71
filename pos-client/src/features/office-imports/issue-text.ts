import { importColumns, type ImportIssue, type ImportKind } from '@pos/shared';
import type { Locale } from '@pos/shared';
import type { MessageKey } from '../../i18n/messages-en';
import type { MessageParams } from '../../i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A column as the user's template names it: the English key, or its Chinese header. */
export function columnLabel(kind: ImportKind, column: string, locale: Locale): string {
  const declared = importColumns[kind].find((c) => c.key === column);
  return declared && locale === 'zh-CN' ? declared.zh : column;
}

/** The form a cell should have, in words: `amount`, `one_of`, `text:120`, `digits:8-14`… */
function expectedText(t: Translate, issue: ImportIssue): string {
  const [form = '', arg = ''] = (issue.expected ?? '').split(':');
  if (form === 'one_of') return t('office.imports.expected.one_of', { values: (issue.allowed ?? []).join(', ') });
  if (form === 'text') return t('office.imports.expected.text', { max: arg });
  if (form === 'digits') return t('office.imports.expected.digits', { range: arg });
  const known = ['amount', 'yes_no', 'code', 'card_no', 'phone', 'birthday', 'email', 'member_only'];
  return known.includes(form) ? t(`office.imports.expected.${form}` as MessageKey) : t('office.imports.expected.valid');
}

/** One problem of the report in the user's language, made from its code and values. */
export function issueText(t: Translate, kind: ImportKind, locale: Locale, issue: ImportIssue): string {
  const params = { value: issue.value ?? '', row: issue.otherRow ?? '', holder: issue.holder ?? '', column: columnLabel(kind, issue.column, locale) };
  if (issue.code === 'INVALID') return t('office.imports.issue.INVALID', { ...params, expected: expectedText(t, issue) });
  return t(`office.imports.issue.${issue.code}` as MessageKey, params);
}
