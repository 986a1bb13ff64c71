import { tillGate, uuidv7, type ClerkRole, type GateVerdict, type SaleApproval, type TillKey } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { approveKey, type ApprovalResult } from './approve-key';
import { tillPermissionsOf } from './till-permissions-of';

export interface KeyGateDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

/** The signed-in clerk whose key presses are judged. */
export interface GateClerk {
  clerkId: string;
  role: ClerkRole;
}

/** A key press: for a discount its share of what it is on, and the basket line it is on (null for the ticket). */
export interface KeyPress {
  key: TillKey;
  discountBp?: number;
  lineId?: string | null;
}

/** Go ahead (with the manager's approval to record, if one was asked), or not: the key is forbidden, or the manager was not found. */
export type GateOutcome = { ok: true; approval: SaleApproval | null } | { ok: false; reason: 'forbidden' | 'cancelled' };

/**
 * Judges the till's function keys for the signed-in clerk, offline: allowed keys go ahead,
 * forbidden ones are refused, and the others wait, as `asking`, for a manager's code and PIN
 * (`approve`) or for the cashier to give up (`cancel`). One key waits at a time; a second press
 * while one waits cancels the first.
 */
export class KeyGate {
  asking: Required<KeyPress> | null = null;
  private settle: ((outcome: GateOutcome) => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: KeyGateDeps, readonly storeId: string, private readonly clerk: GateClerk) {}

  get clerkId(): string {
    return this.clerk.clerkId;
  }

  /** What the key would do for the clerk, without asking anyone. */
  async verdict(press: KeyPress): Promise<GateVerdict> {
    const permissions = await tillPermissionsOf(this.deps.db, this.clerk.clerkId, this.clerk.role);
    return tillGate(permissions, press.key, press.discountBp ?? 0);
  }

  async request(press: KeyPress): Promise<GateOutcome> {
    const verdict = await this.verdict(press);
    if (verdict === 'allowed') return { ok: true, approval: null };
    if (verdict === 'forbidden') return { ok: false, reason: 'forbidden' };
    return this.ask(press);
  }

  /** A manager's PIN even where the key is allowed (a refund above the chain's amount); a store manager goes ahead alone. */
  async requestManager(press: KeyPress): Promise<GateOutcome> {
    if ((await this.verdict(press)) === 'forbidden') return { ok: false, reason: 'forbidden' };
    if (this.clerk.role === 'store_manager') return { ok: true, approval: null };
    return this.ask(press);
  }

  private ask(press: KeyPress): Promise<GateOutcome> {
    this.cancel();
    return new Promise((resolve) => {
      this.settle = resolve;
      this.setAsking({ key: press.key, discountBp: press.discountBp ?? 0, lineId: press.lineId ?? null });
    });
  }

  /** A manager's code and PIN for the key waiting; on success the key goes ahead with the approval. */
  async approve(input: { clerkCode: string; pin: string }): Promise<ApprovalResult> {
    const asking = this.asking;
    if (!asking) return { ok: false, code: 'APPROVER_NOT_ALLOWED' };
    const result = await approveKey(this.deps, this.storeId, { key: asking.key, discountBp: asking.discountBp, requestedBy: this.clerk.clerkId }, input);
    if (!result.ok || this.asking !== asking) return result;
    this.finish({ ok: true, approval: this.approvalOf(asking.key, asking.lineId, result.approverId) });
    return result;
  }

  cancel(): void {
    if (this.asking) this.finish({ ok: false, reason: 'cancelled' });
  }

  /** The record a sale keeps of an override, made on the till like every other id of the sale. */
  approvalOf(key: TillKey, lineId: string | null, approvedBy: string): SaleApproval {
    const at = this.deps.now();
    return { id: uuidv7(at.getTime(), this.deps.randomBytes(10)), key, lineId, requestedBy: this.clerk.clerkId, approvedBy, at: at.toISOString() };
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): Required<KeyPress> | null => this.asking;

  private finish(outcome: GateOutcome): void {
    const settle = this.settle;
    this.settle = null;
    this.setAsking(null);
    settle?.(outcome);
  }

  private setAsking(asking: Required<KeyPress> | null): void {
    this.asking = asking;
    for (const listener of this.listeners) listener();
  }
}
