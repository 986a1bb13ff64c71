import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HeldTicket } from '../features/sales/held-tickets';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../i18n/translate';
import { useModalDialog } from './use-modal-dialog';
import './member-dialog.css';

interface HeldTicketsDialogProps {
  open: boolean;
  held: readonly HeldTicket[];
  currency: string;
  onRecall: (ticketId: string) => void;
  onClose: () => void;
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The tickets on hold (取单, Home): number, time held, items and total; ↑↓ choose, Enter recalls. */
export function HeldTicketsDialog({ open, held, currency, onRecall, onClose }: HeldTicketsDialogProps) {
  const { t } = useI18n();
  const ref = useModalDialog(open);
  const [chosen, setChosen] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => setChosen(0), [open]);
  // Right after a reload the held tickets can arrive after the list opens: the list takes the keys once it shows.
  const listed = held.length > 0;
  useEffect(() => {
    if (open && listed) listRef.current?.focus();
  }, [open, listed]);
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Enter on the Done button closes the list, as a button does.
    if (event.target instanceof HTMLButtonElement) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => setChosen((c) => Math.min(held.length - 1, c + 1)),
      ArrowUp: () => setChosen((c) => Math.max(0, c - 1)),
      Enter: () => {
        const ticket = held[chosen];
        if (ticket) onRecall(ticket.ticket.id);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  return (
    <dialog ref={ref} className="member-dialog held-tickets" onClose={onClose} onKeyDown={onKeyDown} aria-labelledby="held-title" data-testid="held-dialog">
      <div className="field">
        <h2 id="held-title">{t('held.title')}</h2>
        <p>{t('held.hint')}</p>
        {held.length === 0 ? (
          <p role="status">{t('held.none')}</p>
        ) : (
          (
            <ul ref={listRef} className="search-results" role="listbox" aria-label={t('held.title')} tabIndex={0} aria-activedescendant={`held-${chosen}`}>
              {held.map((h, index) => (
                <li
                  key={h.ticket.id}
                  id={`held-${index}`}
                  role="option"
                  aria-selected={index === chosen}
                  className={index === chosen ? 'chosen' : undefined}
                  onClick={() => onRecall(h.ticket.id)}
                  data-testid="held-row"
                >
                  <span className="num">{t('held.no', { no: h.heldNo })}</span>
                  <span className="num">{timeOf(h.heldAt)}</span>
                  <span>{t('sell.items', { count: h.items })}</span>
                  <span className="num">{formatMoney(h.totalMinor, currency)}</span>
                </li>
              ))}
            </ul>
          )
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('voucher.done')} <span className="key">Esc</span>
          </button>
        </div>
      </div>
    </dialog>
  );
}
