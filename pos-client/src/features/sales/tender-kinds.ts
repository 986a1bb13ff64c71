import type { Tender } from '@pos/shared';
import type { MessageKey } from '../../i18n/messages-en';

/**
 * The tenders the sell screen offers, in the order shown, each with its key. Cash is typed in
 * the cash field; the others open their own dialog. Stored value and points join this list
 * with their dialogs when membership payments come.
 */
export interface TenderKind {
  tender: Tender;
  /** The key that chooses it, as `KeyboardEvent.key`. */
  key: string;
  label: MessageKey;
  entry: 'cash-field' | 'dialog';
}

export const tenderKinds: readonly TenderKind[] = [
  { tender: 'cash', key: 'F2', label: 'tender.cash', entry: 'cash-field' },
  { tender: 'bank_card', key: 'End', label: 'tender.bank_card', entry: 'dialog' },
];
