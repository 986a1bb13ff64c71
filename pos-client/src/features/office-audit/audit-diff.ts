/** One field that differs between an entry's before and after, by its dotted path (`cashRounding.unitMinor`, `productIds.3`). */
export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The leaves of a JSON value by dotted path; an empty object or array is a leaf of its own. */
function leaves(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : isRecord(value) ? Object.entries(value) : null;
  if (entries === null || entries.length === 0) {
    if (prefix !== '' || value !== null) into.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
    return into;
  }
  for (const [key, child] of entries) leaves(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

/**
 * The fields an audit entry changed, in the order they first appear: only leaves whose text differs,
 * with null for a side that has no such field (a creation has no before, a deletion no after).
 */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const was = leaves(before ?? null, '', new Map());
  const now = leaves(after ?? null, '', new Map());
  const paths = [...new Set([...was.keys(), ...now.keys()])];
  return paths.flatMap((path) => {
    const b = was.get(path) ?? null;
    const a = now.get(path) ?? null;
    return b === a ? [] : [{ path, before: b, after: a }];
  });
}

/**
 * A field's path as people read it: each name's words apart (`unitMinor` → `unit minor`), list
 * positions counted from 1, and the steps between them marked: `cash rounding › unit minor`, `product ids › #4`.
 */
export function readablePath(path: string): string {
  return path.split('.').map((step) => (/^\d+$/.test(step) ? `#${Number(step) + 1}` : step.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase())).join(' › ');
}
