import type { Locale } from '@pos/shared';
import { messagesEn, type MessageKey } from './messages-en';
import { errorText, translate } from './translate';

/** Words for a code from the bridge or the bridge client; codes with no words of their own still name the code. */
export function bridgeErrorText(locale: Locale, code: string): string {
  const key = `bridgeError.${code}`;
  return key in messagesEn ? translate(locale, key as MessageKey) : errorText(locale, code);
}
