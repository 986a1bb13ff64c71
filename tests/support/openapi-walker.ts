import { patternExample } from './pattern-example';

/** The parts of JSON Schema (as OpenAPI 3.1 writes it) that HQ's document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One method on one path, named `GET /stores/{id}` as the tests' lists name it. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: { contentType: string; schema: JsonSchema } | null;
  secured: boolean;
}

const methods = ['get', 'put', 'post', 'delete', 'patch'];

export function listOperations(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((method) => {
      const op = item[method]!;
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return {
        key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, parameters: op.parameters ?? [],
        body: contentType && media ? { contentType, schema: media.schema } : null, secured: (op.security ?? []).length > 0,
      };
    }));
}

/** Where a value sits in a request: a parameter by name, or a property of the body by its dotted path (`rule.storeIds`). */
export interface Slot {
  in: 'path' | 'query' | 'body';
  name: string;
  pointer: string;
  schema?: JsonSchema;
}

/** Supplies a value for a slot (a real id, a foreign one), or undefined to let the schema decide. */
export type Filler = (slot: Slot) => unknown;

const noFill: Filler = () => undefined;

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, target);
}

/** The type an example takes: null when the schema allows it (the simplest valid value), else its first type. */
const typeOf = (schema: JsonSchema): string | undefined => {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.includes('null') ? 'null' : types[0];
};

function stringExample(schema: JsonSchema): string {
  if (schema.pattern) return patternExample(schema.pattern);
  const byFormat: Record<string, string> = {
    uuid: '0195505c-0000-7000-8000-0000000000e1', date: '2026-11-22', 'date-time': '2026-11-22T04:00:00.000Z', email: 'someone@example.com',
  };
  const text = (schema.format && byFormat[schema.format]) || 'example';
  return text.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? text.length);
}

function numberExample(schema: JsonSchema): number {
  const least = schema.minimum ?? (schema.exclusiveMinimum === undefined ? 1 : schema.exclusiveMinimum + 1);
  return Math.min(least, schema.maximum ?? least);
}

/** A value the schema accepts, with `fill` asked first for every object property on the way down. */
export function exampleOf(doc: OpenApiDocument, raw: JsonSchema, fill: Filler = noFill, slot: Slot = { in: 'body', name: '', pointer: '' }): unknown {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return exampleOf(doc, variants[0]!, fill, slot);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => exampleOf(doc, part, fill, slot)));
  switch (typeOf(schema)) {
    case 'object': return objectExample(doc, schema, fill, slot);
    case 'array': return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(doc, schema.items ?? {}, fill, slot));
    case 'string': return stringExample(schema);
    case 'integer': case 'number': return numberExample(schema);
    case 'boolean': return true;
    case 'null': return null;
    default: return {};
  }
}

/** Required properties always; optional ones only when `fill` names a value for them. */
function objectExample(doc: OpenApiDocument, schema: JsonSchema, fill: Filler, parent: Slot): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const slot: Slot = { in: 'body', name, pointer: parent.pointer ? `${parent.pointer}.${name}` : name, schema: property };
    const filled = fill(slot);
    if (filled !== undefined) return [[name, filled] as const];
    return required.has(name) ? [[name, exampleOf(doc, property, fill, slot)] as const] : [];
  });
  return Object.fromEntries(entries);
}

/** Values for every path parameter and required query parameter, and optional query ones `fill` names. */
export function exampleParameters(doc: OpenApiDocument, op: Operation, fill: Filler = noFill): { path: Record<string, unknown>; query: Record<string, unknown> } {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const p of op.parameters) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const slot: Slot = { in: p.in, name: p.name, pointer: p.name, schema: p.schema };
    const filled = fill(slot);
    if (filled !== undefined) (p.in === 'path' ? path : query)[p.name] = filled;
    else if (p.required || p.in === 'path') (p.in === 'path' ? path : query)[p.name] = exampleOf(doc, p.schema, fill, slot);
  }
  return { path, query };
}

/** A request as the walkers send it: parameters as values, the body as JSON or as raw text with its content type. */
export interface RequestParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: { json: unknown } | { raw: string; contentType: string };
  token?: string;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Percent-encodes text for a URL; a lone surrogate, which has no UTF-8, goes as the invalid bytes ED A0 80 a careless client would send. */
const encodeText = (text: string) =>
  [...text].map((c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '%ED%A0%80' : encodeURIComponent(c))).join('');

export function toRequest(op: Operation, parts: RequestParts): [string, RequestInit] {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeText(asText(parts.path[name] ?? '')));
  const search = Object.entries(parts.query).map(([k, v]) => `${encodeText(k)}=${encodeText(asText(v))}`).join('&');
  const headers: Record<string, string> = parts.token ? { authorization: `Bearer ${parts.token}` } : {};
  let body: string | undefined;
  if (parts.body && 'json' in parts.body) [body, headers['content-type']] = [JSON.stringify(parts.body.json), 'application/json'];
  else if (parts.body) [body, headers['content-type']] = [parts.body.raw, parts.body.contentType];
  return [`${path}${search ? `?${search}` : ''}`, { method: op.method, headers, body }];
}

/** A body the operation accepts, or none. `fill` answers for a body that is not JSON as a whole, by its content type (`text/csv`). */
export function exampleBody(doc: OpenApiDocument, op: Operation, fill: Filler = noFill): RequestParts['body'] {
  if (!op.body) return undefined;
  const { contentType, schema } = op.body;
  if (contentType === 'application/json') return { json: exampleOf(doc, schema, fill) };
  const whole = fill({ in: 'body', name: contentType, pointer: '', schema });
  return { raw: asText(whole ?? exampleOf(doc, schema, fill)), contentType };
}
