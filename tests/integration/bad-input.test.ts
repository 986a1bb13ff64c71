import { ErrorBody, MemberLevel, MemberList, MemberRecord, withCheckDigit } from '@pos/shared';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, prepareChainValues, scopedReference } from '../support/api-examples';
import { hostileRequests, type HostileRequest } from '../support/bad-input-walk';
import { bearer, createSeededFixture, json, testClock, type Fixture } from '../support/fixture';
import { exoticText } from '../support/hostile-values';
import { exampleBody, exampleParameters, listOperations, toRequest, type Filler, type Operation, type RequestParts } from '../support/openapi-walker';
import { access, endsCallerSession } from '../support/operation-access';
import { buildScopeWorld, type Actor, type ScopeWorld } from '../support/scope-world';
import { changedTables, takeSnapshot } from '../support/table-snapshot';
import type { TestDatabase } from '../support/test-db';

const doc = await loadDocument();
const operations = listOperations(doc);

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
  ({ database, f } = await createSeededFixture(clock));
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
      const caller = callerFor(op);
      const ownSession = caller?.signInAgain && endsCallerSession.has(op.key) ? await caller.signInAgain() : caller?.token;
      const base = { ...validRequest(op, caller), token: ownSession };
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
      const unexpected = failures.filter((x) => x.operation === op.key);
      expect(unexpected.map((x) => `${x.key}: ${x.detail}`)).toEqual([]);
    });
  }
});

describe('legal but exotic text', () => {
  const hq = () => world.actors.find((a) => a.role === 'hq_admin')!.token;
  const texts = [{ label: 'exotic text', value: exoticText }, { label: 'lone surrogate', value: 'a\ud800b' }];

  /** A text HQ takes must come back as sent; one it cannot keep must be refused, not stored changed. */
  function judgeRoundTrip(operation: string, field: string, label: string, sent: string, status: number, back: string | undefined) {
    expect(status === 201 || (status >= 400 && status < 500)).toBe(true);
    if (status === 201 && back !== sent) failures.push({ operation, key: `${operation} body ${field} ${label} round trip`, detail: `stored ${JSON.stringify(back)}` });
  }

  it('keeps supplementary-plane CJK and an emoji in a member’s name as sent', async () => {
    for (const [i, { label, value }] of texts.entries()) {
      const made = await f.app.request('/members', json({ cardNo: withCheckDigit(`99000000000${i}`), name: value, levelId: world.levelId }, hq()));
      if (label === 'exotic text') expect(made.status).toBe(201);
      const found = made.status === 201 ? MemberList.parse(await (await f.app.request(`/members?q=99000000000${i}`, bearer(hq()))).json()) : null;
      judgeRoundTrip('POST /members', 'name', label, value, made.status, found?.items[0]?.name);
    }
    expect(failures.filter((x) => x.key.endsWith('round trip') && x.operation === 'POST /members')).toEqual([]);
  });

  it('keeps them in a member level’s names as sent', async () => {
    for (const [i, { label, value }] of texts.entries()) {
      const made = await f.app.request('/pricing/member-levels', json({ code: `EXOTIC${i}`, nameZh: value, nameEn: 'level' }, hq()));
      if (label === 'exotic text') expect(made.status).toBe(201);
      const levels = z.array(MemberLevel).parse(await (await f.app.request('/pricing/member-levels', bearer(hq()))).json());
      judgeRoundTrip('POST /pricing/member-levels', 'nameZh', label, value, made.status, levels.find((l) => l.code === `EXOTIC${i}`)?.nameZh);
    }
    expect(failures.filter((x) => x.key.endsWith('round trip') && x.operation === 'POST /pricing/member-levels')).toEqual([]);
  });
});
