import { resolve, type JsonSchema, type OpenApiDocument } from './openapi-walker';

const formats: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
};

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'integer': return Number.isSafeInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    default: return typeof value === type;
  }
}

function stringAccepted(schema: JsonSchema, text: string): boolean {
  if (schema.minLength !== undefined && text.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && text.length > schema.maxLength) return false;
  if (schema.pattern && !new RegExp(schema.pattern).test(text)) return false;
  const format = schema.format && formats[schema.format];
  return !format || format.test(text);
}

function numberAccepted(schema: JsonSchema, n: number): boolean {
  return !(schema.minimum !== undefined && n < schema.minimum) && !(schema.maximum !== undefined && n > schema.maximum)
    && !(schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum);
}

/**
 * Whether a JSON value is one the schema allows, as far as the document says: types, enums, lengths,
 * patterns, formats, bounds, required properties, items and variants. A value it allows may still be
 * refused by a rule the document cannot express; one it refuses must be refused by HQ too.
 */
export function schemaAccepts(doc: OpenApiDocument, raw: JsonSchema, value: unknown): boolean {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants && !variants.some((v) => schemaAccepts(doc, v, value))) return false;
  if (schema.allOf && !schema.allOf.every((part) => schemaAccepts(doc, part, value))) return false;
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) return false;
  if (typeof value === 'string') return stringAccepted(schema, value);
  if (typeof value === 'number') return numberAccepted(schema, value);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
    return !schema.items || value.every((item) => schemaAccepts(doc, schema.items!, item));
  }
  if (typeof value === 'object' && value !== null && schema.properties) {
    const record = value as Record<string, unknown>;
    if ((schema.required ?? []).some((name) => !(name in record))) return false;
    return Object.entries(schema.properties).every(([name, property]) => !(name in record) || schemaAccepts(doc, property, record[name]));
  }
  return true;
}

/** The same for a path or query parameter, which arrives as text: numbers are read as HQ reads them, with `Number`. */
export function parameterAccepts(doc: OpenApiDocument, raw: JsonSchema, text: string): boolean {
  const schema = resolve(doc, raw);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.includes('integer') || types.includes('number')) return schemaAccepts(doc, { ...schema, type: types.filter((t) => t !== 'null') }, Number(text));
  return schemaAccepts(doc, schema, text);
}
