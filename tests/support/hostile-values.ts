import { exampleOf, resolve, type JsonSchema, type OpenApiDocument } from './openapi-walker';
import { patternExample } from './pattern-example';

export interface Hostile<T> {
  label: string;
  value: T;
}

const kb100 = 'x'.repeat(100_000);
export const oneMegabyte = 'x'.repeat(1_000_000);

/** Text that is odd but legal: supplementary-plane CJK (4 bytes in UTF-8 and in GB18030) and an emoji with a skin tone. */
export const exoticText = '𠀀𪚥 👍🏽';

/** Texts for any text slot; the ones below also go where a number is read from text. */
const texts: Hostile<string>[] = [
  { label: 'empty text', value: '' },
  { label: '100 KB text', value: kb100 },
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'escape', value: '\u001b[31m' },
  { label: 'lone surrogate', value: '\ud800' },
  { label: 'exotic text', value: exoticText },
  { label: 'sql quote', value: "'; drop table sales; --" },
  { label: 'sql like', value: "%' or 1=1 --" },
  { label: 'path traversal', value: '../../etc/passwd' },
];

const numberTexts: Hostile<string>[] = [
  { label: 'NaN text', value: 'NaN' },
  { label: 'huge number text', value: '1e308' },
  { label: 'negative text', value: '-1' },
  { label: '2^53 text', value: String(2 ** 53) },
  { label: 'fraction text', value: '0.5' },
];

const wrongTypes: Hostile<unknown>[] = [
  { label: 'number', value: 12345 },
  { label: 'text', value: 'NaN' },
  { label: 'object', value: { nested: true } },
  { label: 'array', value: ['a'] },
  { label: 'null', value: null },
  { label: 'boolean', value: true },
];

const numbers: Hostile<unknown>[] = [
  { label: '2^53', value: 2 ** 53 },
  { label: '1e308', value: 1e308 },
  { label: '-1', value: -1 },
  { label: 'fraction', value: 0.5 },
];

const allows = (schema: JsonSchema, ...types: string[]) => [schema.type].flat().some((t) => t !== undefined && types.includes(t));

/** Values for one JSON property: every wrong type, and the hostile texts or numbers where its type is text or a number. */
export function hostileJsonValues(doc: OpenApiDocument, raw: JsonSchema): Hostile<unknown>[] {
  const schema = resolve(doc, raw);
  const variants = schema.oneOf ?? schema.anyOf ?? [schema];
  const text = variants.some((v) => allows(resolve(doc, v), 'string'));
  const number = variants.some((v) => allows(resolve(doc, v), 'integer', 'number'));
  return [...wrongTypes, ...(text ? texts : []), ...(number ? numbers : [])];
}

/** Values for one path or query parameter, as text. */
export const hostileParameterTexts: Hostile<string>[] = [...texts, ...numberTexts];

/** Whole bodies that are not the JSON object asked for; each must be refused. */
export const hostileBodies: Hostile<{ raw: string; contentType: string }>[] = [
  { label: 'invalid JSON', value: { raw: '{"a":', contentType: 'application/json' } },
  { label: 'empty body', value: { raw: '', contentType: 'application/json' } },
  { label: 'JSON null', value: { raw: 'null', contentType: 'application/json' } },
  { label: 'JSON array', value: { raw: '[]', contentType: 'application/json' } },
  { label: 'JSON text', value: { raw: '"text"', contentType: 'application/json' } },
  { label: 'prototype key', value: { raw: '{"__proto__":{"admin":true}}', contentType: 'application/json' } },
  { label: 'deep nesting', value: { raw: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' } },
  { label: 'form content type', value: { raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' } },
  { label: 'xml content type', value: { raw: '<a/>', contentType: 'application/xml' } },
];

/** A property the body can hold, by its dotted path (array items as `.0`), with its schema and whether it must be there. */
export interface BodySlot {
  pointer: string;
  schema: JsonSchema;
  required: boolean;
}

/** Every property of a body schema, depth first; for variants, those of the first (the one examples take). */
export function bodySlots(doc: OpenApiDocument, raw: JsonSchema, prefix = ''): BodySlot[] {
  const schema = resolve(doc, raw);
  const variant = (schema.oneOf ?? schema.anyOf)?.[0];
  if (variant) return bodySlots(doc, variant, prefix);
  if (schema.items) return bodySlots(doc, schema.items, `${prefix}.0`);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const pointer = prefix ? `${prefix}.${name}` : name;
    return [{ pointer, schema: property, required: required.has(name) }, ...bodySlots(doc, property, pointer)];
  });
}

type Json = Record<string, unknown> | unknown[];

/**
 * A copy of `body` with the property at `pointer` set to `value` (or removed), making each container
 * on the way from its schema's example when the body has none there (an empty list gets one item).
 */
export function withValueAt(doc: OpenApiDocument, schema: JsonSchema, body: unknown, pointer: string, value: unknown, remove = false): unknown {
  const [head, ...rest] = pointer.split('.');
  const resolved = resolve(doc, schema);
  const variant = resolve(doc, (resolved.oneOf ?? resolved.anyOf)?.[0] ?? resolved);
  const container: Json = Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) };
  const key = Array.isArray(container) ? Number(head) : head!;
  const child = variant.items ?? variant.properties?.[head!] ?? {};
  const record = container as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (remove) delete record[key];
    else record[key] = value;
    return container;
  }
  const current = record[key] ?? exampleOf(doc, child);
  record[key] = withValueAt(doc, child, current, rest.join('.'), value, remove);
  return container;
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer.split('.').reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), body);
}

/**
 * The body with each text its schema patterns (a card number, a level code) still at the base example
 * replaced by the `variant`th example, so requests that may be accepted do not collide on unique values
 * and hide what the hostile value does behind a 409.
 */
export function withFreshPatterns(doc: OpenApiDocument, schema: JsonSchema, body: unknown, variant: number): unknown {
  return bodySlots(doc, schema).reduce((fresh, slot) => {
    const pattern = slot.schema.type === 'string' ? slot.schema.pattern : undefined;
    if (!pattern || valueAt(fresh, slot.pointer) !== patternExample(pattern)) return fresh;
    return withValueAt(doc, schema, fresh, slot.pointer, patternExample(pattern, variant));
  }, body);
}
