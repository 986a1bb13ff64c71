import type { Tender, TillAction } from '@pos/shared';
import type { MessageKey } from '../../i18n/messages-en';

/**
 * The tenders the sell screen offers, in the order shown, each with its action (whose key the chain sets). Cash is typed in
 * the cash field; the others open their own dialog. Stored value and points are paid from the
 * member's card, so they need the member on the ticket.
 */
export interface TenderKind {
  tender: Tender;
  /** The action that chooses it (cash F2, bank card End by default). */
  action: TillAction;
  label: MessageKey;
  entry: 'cash-field' | 'dialog';
}

export const tenderKinds: readonly TenderKind[] = [
  { tender: 'cash', action: 'cash', label: 'tender.cash', entry: 'cash-field' },
  { tender: 'bank_card', action: 'card', label: 'tender.bank_card', entry: 'dialog' },
  { tender: 'stored_value', action: 'stored_value', label: 'tender.stored_value', entry: 'dialog' },
  { tender: 'points', action: 'points', label: 'tender.points', entry: 'dialog' },
];
