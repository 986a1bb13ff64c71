import { useRef, useState } from 'react';
import { discountBasisPoints, minor, tillGate, uuidv7, type ManualDiscount, type Minor, type SaleApproval, type TillPermissions } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { currencyExponent } from '../../i18n/translate';
import { approveKey, type ApprovalFailure } from '../permissions/approve-key';
import type { KeyGate } from '../permissions/key-gate';
import { discountReason, parseDiscount, type DiscountKind, type QuickReason } from './manual-discount';

export interface DiscountEntryInput {
  line: { id: string; netMinor: Minor } | null;
  ticketMinor: Minor;
  currency: string;
  clerk: { id: string };
  /** What the signed-in clerk's till role lets them discount alone. */
  permissions: TillPermissions;
  /** Checks a manager's code and PIN and makes the approval the sale records. */
  gate: KeyGate;
  onApply: (discount: ManualDiscount, approval: SaleApproval | null) => void;
}

const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);

/**
 * Drives the discount dialog: what is discounted and by how much, the reason, and a manager's
 * approval when the discount is over what the signed-in clerk's till role allows alone (its
 * limit for a line or the ticket, as basis points of what the discount is on). The discount is
 * recorded against whoever answers for it: the approving manager, or the clerk who typed it;
 * an approval is also recorded as the sale's override.
 */
export function useDiscountEntry({ line, ticketMinor, currency, clerk, permissions, gate, onApply }: DiscountEntryInput) {
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
  const key = target ? 'line_discount' : 'ticket_discount';
  const discountBp = parsed.ok ? (parsed.draft.kind === 'percent' ? parsed.draft.value : discountBasisPoints(parsed.draft.offMinor, targetMinor)) : 0;
  const verdict = tillGate(permissions, key, discountBp);
  const approval = verdict === 'needs_manager';

  function apply(approvedBy: string | null): void {
    if (!parsed.ok) return;
    const at = services.now();
    const { kind: draftKind, value } = parsed.draft;
    const lineId = target?.id ?? null;
    const discount = { id: uuidv7(at.getTime(), services.randomBytes(10)), lineId, kind: draftKind, value, enteredBy: approvedBy ?? clerk.id, reason: discountReason(quick, note) };
    onApply(discount, approvedBy === null ? null : gate.approvalOf(key, lineId, approvedBy));
  }

  /** Enter: on to the next empty field, then the manager's check, then the discount. */
  async function submit(): Promise<void> {
    if (busy) return;
    setTried(true);
    if (!parsed.ok || verdict === 'forbidden') return valueRef.current?.focus();
    if (!approval) return apply(null);
    if (approverCode === '') return codeRef.current?.focus();
    if (pin === '') return pinRef.current?.focus();
    const ticket = ++latest.current;
    setBusy(true);
    setFailure(null);
    const result = await approveKey(services, gate.storeId, { key, discountBp, requestedBy: clerk.id }, { clerkCode: approverCode, pin });
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
    problem: verdict === 'forbidden' ? 'KEY_FORBIDDEN' : parsed.ok || missing ? null : parsed.code,
    /** The key whose permission decides, named in the refusal when it is forbidden. */
    key,
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
