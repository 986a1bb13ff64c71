import { ErrorBody, MemberLevel, MemberList, MemberRecord } from '@pos/shared';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, prepareChainValues, scopedReference } from '../support/api-examples';
import { hostileRequests, type HostileRequest } from '../support/bad-input-walk';
import { bearer, json, seedFixture, testClock, type Fixture } from '../support/fixture';
import { exoticText } from '../support/hostile-values';
import { exampleBody, exampleParameters, listOperations, toRequest, type Filler, type Operation, type RequestParts } from '../support/openapi-walker';
import { access } from '../support/operation-access';
import { buildScopeWorld, type Actor, type ScopeWorld } from '../support/scope-world';
import { changedTables, takeSnapshot } from '../support/table-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const doc = await loadDocument();
const operations = listOperations(doc);

/**
 * What HQ gets wrong today, by `operation where value` (`POST /members body name NUL`), or
 * `operation tables` for refused input that wrote. Each is asserted to still fail below, so the fix
 * that mends one turns that test red until the entry is removed.
 */
const knownFailures = new Set<string>([
  // Text holding U+0000 reaches PostgreSQL, which refuses it in text and jsonb: 500.
  'GET /catalog/products query q NUL',
  'GET /members query q NUL',
  'GET /vouchers/{code} path code NUL',
  'POST /devices/pairing-codes body name NUL',
  'POST /members body name NUL',
  'POST /pricing/member-levels body nameEn NUL',
  'POST /pricing/member-levels body nameZh NUL',
  'POST /promotions body rule.name NUL',
  'PUT /promotions/{id} body rule.name NUL',
  // A lone surrogate in a promotion's name reaches jsonb, which refuses the escape: 500.
  'POST /promotions body rule.name lone surrogate',
  'PUT /promotions/{id} body rule.name lone surrogate',
  // Any time zone the runtime does not know throws a RangeError in the pricing engine: 500.
  ...['text', 'NUL', 'escape', 'lone surrogate', 'exotic text', 'sql quote', 'sql like', 'path traversal', 'NaN text', 'huge number text', 'negative text']
    .map((label) => `POST /pricing/preview body context.timeZone ${label}`),
]);

interface Failure {
  operation: string;
  key: string;
  detail: string;
}

const failures: Failure[] = [];
const clock = testClock();
let database: TestDatabase;
let f: Fixture;
let world: ScopeWorld;
let values: Filler;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await seedFixture(database, clock);
  world = await buildScopeWorld(f);
  values = await prepareChainValues(f, world, doc);
});
afterAll(() => database.close());

/** The caller an operation is for: a till for till routes, HQ for office ones, nobody for public ones. */
function callerFor(op: Operation): Actor | null {
  const kind = access[op.key];
  if (kind === 'public') return null;
  return world.actors.find((a) => (kind === 'device' ? a.kind === 'device' : a.role === 'hq_admin'))!;
}

function validRequest(op: Operation, caller: Actor | null): RequestParts {
  const fill: Filler = (slot) => {
    const reference = scopedReference(op, slot);
    return reference && caller ? reference(caller.own) : values(slot);
  };
  return { ...exampleParameters(doc, op, fill), body: exampleBody(doc, op, fill), token: caller?.token };
}

/** Sends a request; a rate limit is waited out once (the test's clock moves a minute) so the input is still judged. */
async function send(op: Operation, parts: RequestParts): Promise<{ status: number; text: string }> {
  let res = await f.app.request(...toRequest(op, parts));
  if (res.status === 429) {
    clock.advance(61_000);
    res = await f.app.request(...toRequest(op, parts));
  }
  return { status: res.status, text: await res.text() };
}

const parsesAsError = (text: string) => {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
};

function judge(op: Operation, request: Pick<HostileRequest, 'where' | 'label' | 'mustReject'>, status: number, text: string): void {
  const problems = [
    status >= 500 ? 'server error' : null,
    status >= 400 && !parsesAsError(text) ? 'error is not { error: { code, message } }' : null,
    request.mustReject && status < 400 ? 'accepted what the document refuses' : null,
  ].filter((p) => p !== null);
  for (const problem of problems) {
    failures.push({ operation: op.key, key: `${op.key} ${request.where} ${request.label}`, detail: `${status} ${problem}: ${text.slice(0, 160)}` });
  }
}

describe('hostile input on every operation in /openapi.json', () => {
  for (const op of operations) {
    it(`${op.key} answers bad input with a 4xx error body and writes nothing`, async () => {
      const base = validRequest(op, callerFor(op));
      const valid = await send(op, base);
      judge(op, { where: 'valid example', label: 'valid example', mustReject: false }, valid.status, valid.text);
      const requests = hostileRequests(doc, op, base);
      const before = await takeSnapshot(database.db);
      for (const request of requests.filter((r) => r.mustReject)) {
        const { status, text } = await send(op, request.parts);
        judge(op, request, status, text);
      }
      const changed = changedTables(before, await takeSnapshot(database.db));
      if (changed.length > 0) failures.push({ operation: op.key, key: `${op.key} tables`, detail: `refused input changed ${changed.join(', ')}` });
      for (const request of requests.filter((r) => !r.mustReject)) {
        const { status, text } = await send(op, request.parts);
        judge(op, request, status, text);
      }
      const unexpected = failures.filter((x) => x.operation === op.key && !knownFailures.has(x.key));
      expect(unexpected.map((x) => `${x.key}: ${x.detail}`)).toEqual([]);
    });
  }

  for (const key of knownFailures) {
    it.fails(`still fails, as known: ${key}`, () => {
      expect(failures.map((x) => x.key)).not.toContain(key);
    });
  }
});

describe('legal but exotic text', () => {
  const hq = () => world.actors.find((a) => a.role === 'hq_admin')!.token;

  it('keeps supplementary-plane CJK and an emoji intact in a member’s name', async () => {
    const made = await f.app.request('/members', json({ cardNo: '990000000001', name: exoticText, levelId: world.levelId }, hq()));
    expect(made.status).toBe(201);
    expect(MemberRecord.parse(await made.json()).name).toBe(exoticText);
    const found = MemberList.parse(await (await f.app.request('/members?q=990000000001', bearer(hq()))).json());
    expect(found.items.map((m) => m.name)).toEqual([exoticText]);
  });

  it('keeps them intact in a member level’s names', async () => {
    const made = await f.app.request('/pricing/member-levels', json({ code: 'EXOTIC', nameZh: exoticText, nameEn: `${exoticText} level` }, hq()));
    expect(made.status).toBe(201);
    const levels = z.array(MemberLevel).parse(await (await f.app.request('/pricing/member-levels', bearer(hq()))).json());
    expect(levels.find((l) => l.code === 'EXOTIC')).toMatchObject({ nameZh: exoticText, nameEn: `${exoticText} level` });
  });
});
