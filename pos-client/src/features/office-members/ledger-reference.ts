/** The part of an id a person reads and compares: its last eight characters (a UUIDv7 starts with its time, shared by ids made together). */
export const shortId = (id: string) => id.slice(-8);

/**
 * What a ledger row refers to, for the office's reference column: the reason written with it
 * (an adjustment's, a take-back's shortfall), else the document or payment behind it by its short
 * id, else nothing.
 */
export function ledgerReference(entry: { reason: string | null; documentIds: readonly (string | null)[] }): string {
  if (entry.reason !== null && entry.reason.trim() !== '') return entry.reason;
  const id = entry.documentIds.find((d): d is string => d !== null);
  return id === undefined ? '—' : shortId(id);
}
