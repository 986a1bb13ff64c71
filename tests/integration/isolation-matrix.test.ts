import { createApp } from '@pos/hq-server/app';
import { authenticate } from '@pos/hq-server/http/authenticate';
import { IdParams } from '@pos/hq-server/http/openapi-helpers';
import { stores } from '@pos/hq-server/org/org.tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareChainValues, scopedReference, unscopedParameters } from '../support/api-examples';
import { checkOperation, type MatrixContext, type Violation } from '../support/isolation-check';
import { access } from '../support/operation-access';
import { listOperations, type OpenApiDocument, type Operation } from '../support/openapi-walker';
import { createSeededFixture, type Fixture } from '../support/fixture';
import { buildScopeWorld, type ScopeWorld } from '../support/scope-world';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let world: ScopeWorld;
let ctx: MatrixContext;
let operations: Operation[];
const found: Violation[] = [];

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  world = await buildScopeWorld(f);
  const doc = (await (await f.app.request('/openapi.json')).json()) as OpenApiDocument;
  operations = listOperations(doc);
  const values = await prepareChainValues(f, world, doc);
  ctx = { app: f.app, db: database.db, doc, values, markersOutside: world.markersOutside };
});
afterAll(() => database.close());

describe('the isolation matrix', () => {
  it('classifies every operation in /openapi.json, and nothing that is not there', () => {
    const described = operations.map((op) => op.key).sort();
    expect(described).toEqual(Object.keys(access).sort());
    // A route served outside the document would escape both generated suites.
    const served = f.app.routes.filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(described);
    const publicOnes = operations.filter((op) => !op.secured).map((op) => op.key).sort();
    expect(publicOnes).toEqual(Object.entries(access).filter(([, a]) => a === 'public').map(([key]) => key).sort());
  });

  it('knows what every path and query parameter names: a store’s object, or nothing scoped', () => {
    const unknown = operations.flatMap((op) =>
      op.parameters.filter((p) => !scopedReference(op, { in: p.in as 'path', name: p.name, pointer: p.name }) && !unscopedParameters.has(p.name)).map((p) => `${op.key} ${p.in} ${p.name}`));
    expect(unknown).toEqual([]);
  });

  for (const name of ['till S004', 'clerk 0042 of S004', 'east', 'west', 's001 manager', 'hq']) {
    it(`keeps ${name} to their own stores on every operation`, async () => {
      const actor = world.actors.find((a) => a.name === name)!;
      for (const op of operations) found.push(...(await checkOperation(ctx, op, access[op.key] ?? 'hq', actor)));
      const unexpected = found.filter((v) => v.actor === name);
      expect(unexpected).toEqual([]);
    }, 240_000);
  }

  it('reports a route that hands out any store by id, so the matrix can fail', async () => {
    const leaky = createApp(f.deps);
    leaky.openAPIRegistry.registerPath({
      method: 'get', path: '/stores/{id}/leak', security: [{ bearer: [] }], request: { params: IdParams }, responses: { 200: { description: 'Any store of the chain' } },
    });
    leaky.get('/stores/:id/leak', authenticate('office'), async (c) => {
      const [store] = await f.deps.db.select().from(stores).where(and(eq(stores.chainId, c.var.principal.chainId), eq(stores.id, c.req.param('id'))));
      return c.json(store ?? null);
    });
    const doc = (await (await leaky.request('/openapi.json')).json()) as OpenApiDocument;
    const leak = listOperations(doc).find((op) => op.key === 'GET /stores/{id}/leak')!;
    const east = world.actors.find((a) => a.name === 'east')!;
    const violations = await checkOperation({ ...ctx, app: leaky, doc }, leak, 'office', east);
    expect(violations).toEqual([expect.objectContaining({ operation: 'GET /stores/{id}/leak', actor: 'east', probe: 'path id', status: 200 })]);
  });
});
