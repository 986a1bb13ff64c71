import { useRef, useState } from 'react';
import { minor, uuidv7, type ClerkRole, type ManualDiscount, type Minor } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { currencyExponent } from '../../i18n/translate';
import { approveDiscount, type ApprovalFailure } from './approve-discount';
import { discountReason, needsApproval, parseDiscount, type DiscountKind, type QuickReason } from './manual-discount';

export interface DiscountEntryInput {
  line: { id: string; netMinor: Minor } | null;
  ticketMinor: Minor;
  currency: string;
  clerk: { id: string; role: ClerkRole };
  storeId: string;
  onApply: (discount: ManualDiscount) => void;
}

const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);

/**
 * Drives the discount dialog: what is discounted and by how much, the reason, and a store
 * manager's approval when the signed-in clerk may not discount alone. The discount is recorded
 * against whoever answers for it: the approving manager, or the manager who typed it.
 */
export function useDiscountEntry({ line, ticketMinor, currency, clerk, storeId, onApply }: DiscountEntryInput) {
  const services = useTillServices();
  const [onTicket, setOnTicket] = useState(false);
  const [kind, setKind] = useState<DiscountKind>('percent');
  const [text, setText] = useState('');
  const [quick, setQuick] = useState<QuickReason | null>(null);
  const [note, setNote] = useState('');
  const [approverCode, setApproverCode] = useState('');
  const [pin, setPin] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: ApprovalFailure; retryAfterSeconds?: number } | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  // Only the latest check may apply: Esc during a slow PIN check wants no discount.
  const latest = useRef(0);

  const target = onTicket || !line ? null : line;
  const targetMinor = target ? target.netMinor : ticketMinor;
  const parsed = parseDiscount(text, kind, targetMinor, currencyExponent(currency));
  const approval = needsApproval(clerk.role);

  function apply(enteredBy: string): void {
    if (!parsed.ok) return;
    const at = services.now();
    const { kind: draftKind, value } = parsed.draft;
    onApply({ id: uuidv7(at.getTime(), services.randomBytes(10)), lineId: target?.id ?? null, kind: draftKind, value, enteredBy, reason: discountReason(quick, note) });
  }

  /** Enter: on to the next empty field, then the manager's check, then the discount. */
  async function submit(): Promise<void> {
    if (busy) return;
    setTried(true);
    if (!parsed.ok) return valueRef.current?.focus();
    if (!approval) return apply(clerk.id);
    if (approverCode === '') return codeRef.current?.focus();
    if (pin === '') return pinRef.current?.focus();
    const ticket = ++latest.current;
    setBusy(true);
    setFailure(null);
    const result = await approveDiscount(services, storeId, { clerkCode: approverCode, pin });
    if (ticket !== latest.current) return;
    setBusy(false);
    setPin('');
    if (result.ok) return apply(result.approverId);
    setFailure({ code: result.code, retryAfterSeconds: result.retryAfterSeconds });
    pinRef.current?.focus();
  }

  const missing = !parsed.ok && parsed.code === 'DISCOUNT_VALUE_MISSING' && !tried;
  return {
    onTicket: target === null,
    setOnTicket,
    kind,
    setKind,
    text,
    setText: (value: string) => setText(value.replace(/[^\d.,]/g, '').slice(0, 10)),
    targetMinor,
    /** What the discount takes off, or null while the value is not one. */
    offMinor: parsed.ok ? parsed.draft.offMinor : null,
    leftMinor: parsed.ok ? minor(targetMinor - parsed.draft.offMinor) : null,
    /** Why the value is not a discount; an empty field says nothing until Enter is pressed. */
    problem: parsed.ok || missing ? null : parsed.code,
    quick,
    setQuick,
    note,
    setNote: (value: string) => setNote(value.slice(0, 60)),
    approval,
    approverCode,
    setApproverCode: (value: string) => {
      setApproverCode(digits(value));
      setFailure(null);
    },
    pin,
    setPin: (value: string) => setPin(digits(value)),
    busy,
    failure,
    refs: { valueRef, codeRef, pinRef },
    submit,
    reset: () => {
      latest.current++;
      setOnTicket(false);
      setKind('percent');
      setText('');
      setQuick(null);
      setNote('');
      setApproverCode('');
      setPin('');
      setTried(false);
      setBusy(false);
      setFailure(null);
    },
  };
}
