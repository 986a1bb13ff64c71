import type { Db } from '@pos/hq-server/db/client';
import { scopedReference } from './api-examples';
import { endsCallerSession, type Access } from './operation-access';
import { exampleBody, exampleParameters, toRequest, type Filler, type OpenApiDocument, type Operation, type Slot } from './openapi-walker';
import type { Actor, StoreRefs } from './scope-world';
import { changedTables, takeSnapshot, type TableSnapshot } from './table-snapshot';

export interface Violation {
  operation: string;
  actor: string;
  probe: string;
  status: number;
  problem: string;
}

export interface MatrixContext {
  app: { request(input: string, init?: RequestInit): Response | Promise<Response> };
  db: Db;
  doc: OpenApiDocument;
  /** Real values for the slots that are not scoped (products, levels, the PIN). */
  values: Filler;
  markersOutside(visibleStoreIds: string[]): string[];
}

interface Probe {
  label: string;
  fill: Filler;
  foreign: boolean;
}

const sameSlot = (a: Slot, b: Slot) => a.in === b.in && a.pointer === b.pointer;

/** One probe per scoped slot, naming the foreign store's object there and the actor's own elsewhere; or one sweep when none is scoped. */
function probesFor(ctx: MatrixContext, op: Operation, actor: Actor): Probe[] {
  const scoped: Slot[] = [];
  const fillWith = (target: Slot | null): Filler => (slot) => {
    const reference = scopedReference(op, slot);
    if (!reference) return ctx.values(slot);
    if (!target) scoped.push(slot);
    return reference(target && sameSlot(slot, target) ? actor.foreign : actor.own);
  };
  exampleParameters(ctx.doc, op, fillWith(null));
  exampleBody(ctx.doc, op, fillWith(null));
  if (scoped.length === 0) return [{ label: 'sweep', fill: fillWith(null), foreign: false }];
  return scoped.map((slot) => ({ label: `${slot.in} ${slot.pointer || slot.name}`, fill: fillWith(slot), foreign: true }));
}

/** Whether the actor is a caller the operation is for; a caller it is not for must get 401 or 403. */
export function mayCall(access: Access, actor: Actor): boolean {
  if (access === 'public') return true;
  if (access === 'metrics') return false;
  if (access === 'hq') return actor.kind === 'office' && actor.role === 'hq_admin';
  return access.split('+').includes(actor.kind);
}

/**
 * Operations that list the chain's open stores by design, each by its id, code and name only:
 * a store may send a transfer to any store of the chain, its own owner's or not.
 */
const chainStoreDirectories = new Set(['GET /stock/transfer-destinations']);

const refIds = (refs: StoreRefs) => [refs.storeId, refs.deviceId, refs.saleId, refs.priceId, refs.clerkId];

/**
 * Sends every probe of one operation as one actor and reports what breaks isolation: a 5xx, a caller
 * the operation is not for let through, a row changed by a request naming a foreign object (or by a
 * caller who may not write there), or an answer that holds an id or code of a store out of scope.
 */
export async function checkOperation(ctx: MatrixContext, op: Operation, access: Access, actor: Actor): Promise<Violation[]> {
  const violations: Violation[] = [];
  const markers = [...new Set([...ctx.markersOutside(actor.visibleStoreIds), ...refIds(actor.foreign).filter((id) => !actor.visibleStoreIds.includes(id))])];
  let before: TableSnapshot = await takeSnapshot(ctx.db);
  for (const probe of probesFor(ctx, op, actor)) {
    const { path, query } = exampleParameters(ctx.doc, op, probe.fill);
    const token = endsCallerSession.has(op.key) && actor.signInAgain ? await actor.signInAgain() : actor.token;
    const res = await ctx.app.request(...toRequest(op, { path, query, body: exampleBody(ctx.doc, op, probe.fill), token }));
    const text = await res.text();
    const after = await takeSnapshot(ctx.db);
    const report = (problem: string) => violations.push({ operation: op.key, actor: actor.name, probe: probe.label, status: res.status, problem });
    const allowed = mayCall(access, actor);
    if (res.status >= 500) report(`server error: ${text.slice(0, 200)}`);
    if (!allowed && res.status !== 401 && res.status !== 403) report(`expected 401 or 403 for this caller: ${text.slice(0, 200)}`);
    const changed = changedTables(before, after);
    if (changed.length > 0 && (probe.foreign || !allowed)) report(`changed ${changed.join(', ')}`);
    const leaked = res.ok && !chainStoreDirectories.has(op.key) ? markers.filter((m) => text.includes(m)) : [];
    if (leaked.length > 0) report(`answer names out-of-scope ${leaked.slice(0, 3).join(', ')}: ${text.slice(0, 200)}`);
    before = after;
  }
  return violations;
}
