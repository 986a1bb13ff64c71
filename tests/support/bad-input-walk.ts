import { bodySlots, hostileBodies, hostileJsonValues, hostileParameterTexts, oneMegabyte, withFreshPatterns, withValueAt } from './hostile-values';
import type { OpenApiDocument, Operation, RequestParts } from './openapi-walker';
import { parameterAccepts, schemaAccepts } from './schema-check';

/** One hostile request: where the bad value went, what it was, and whether the document says it must be refused. */
export interface HostileRequest {
  where: string;
  label: string;
  parts: RequestParts;
  mustReject: boolean;
}

function parameterRequests(doc: OpenApiDocument, op: Operation, base: RequestParts): HostileRequest[] {
  return op.parameters.filter((p) => p.in === 'path' || p.in === 'query').flatMap((p) => {
    const where = `${p.in} ${p.name}`;
    const place = (text: string) => ({ ...base, [p.in]: { ...base[p.in as 'path' | 'query'], [p.name]: text } });
    const missing = { ...base, query: Object.fromEntries(Object.entries(base.query).filter(([k]) => k !== p.name)) };
    return [
      ...hostileParameterTexts.map(({ label, value }) => ({ where, label, parts: place(value), mustReject: !parameterAccepts(doc, p.schema, value) })),
      ...(p.in === 'query' && p.required ? [{ where, label: 'missing', parts: missing, mustReject: true }] : []),
    ];
  });
}

function bodyRequests(doc: OpenApiDocument, op: Operation, base: RequestParts): HostileRequest[] {
  if (!op.body || !base.body || !('json' in base.body)) return [];
  const schema = op.body.schema;
  const example = base.body.json;
  let variant = 0;
  const request = (where: string, label: string, json: unknown): HostileRequest => ({
    where, label, parts: { ...base, body: { json: withFreshPatterns(doc, schema, json, ++variant) } }, mustReject: !schemaAccepts(doc, schema, json),
  });
  const perSlot = bodySlots(doc, schema).flatMap((slot) => [
    ...hostileJsonValues(doc, slot.schema).map(({ label, value }) => request(`body ${slot.pointer}`, label, withValueAt(doc, schema, example, slot.pointer, value))),
    request(`body ${slot.pointer}`, 'missing', withValueAt(doc, schema, example, slot.pointer, undefined, true)),
  ]);
  return [...perSlot, request('body', 'unknown property', { ...(example as object), unexpectedProperty: 'x' })];
}

/** Whole bodies that are not the JSON asked for, and a megabyte in the first text a request carries. */
function wholeRequests(doc: OpenApiDocument, op: Operation, base: RequestParts): HostileRequest[] {
  const bodies = op.body ? hostileBodies.map(({ label, value }) => ({ where: 'body', label, parts: { ...base, body: value }, mustReject: true })) : [];
  const firstText = op.parameters.find((p) => p.in === 'path' || p.in === 'query');
  const megabyte: HostileRequest[] = [];
  if (op.body?.contentType === 'application/json' && base.body && 'json' in base.body) {
    const slot = bodySlots(doc, op.body.schema).find((s) => s.schema.type === 'string' || [s.schema.type].flat().includes('string'));
    if (slot) {
      const json = withValueAt(doc, op.body.schema, base.body.json, slot.pointer, oneMegabyte);
      megabyte.push({ where: `body ${slot.pointer}`, label: '1 MB text', parts: { ...base, body: { json } }, mustReject: !schemaAccepts(doc, op.body.schema, json) });
    }
  } else if (op.body) {
    megabyte.push({ where: 'body', label: '1 MB text', parts: { ...base, body: { raw: oneMegabyte, contentType: op.body.contentType } }, mustReject: false });
  }
  if (firstText) {
    const parts = { ...base, [firstText.in]: { ...base[firstText.in as 'path' | 'query'], [firstText.name]: oneMegabyte } };
    megabyte.push({ where: `${firstText.in} ${firstText.name}`, label: '1 MB text', parts, mustReject: !parameterAccepts(doc, firstText.schema, oneMegabyte) });
  }
  return [...bodies, ...megabyte];
}

/** Every hostile request for one operation, each a copy of the valid `base` with one thing wrong. */
export function hostileRequests(doc: OpenApiDocument, op: Operation, base: RequestParts): HostileRequest[] {
  return [...parameterRequests(doc, op, base), ...bodyRequests(doc, op, base), ...wholeRequests(doc, op, base)];
}
