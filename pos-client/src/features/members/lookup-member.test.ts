import { describe, expect, it, vi } from 'vitest';
import type { FoundMember } from '@pos/shared';
import { createTestDb, pairedDevice } from '../../db/test-db.fixture';
import { createHqClient } from '../../hq/hq-client';
import { lookupMember } from './lookup-member';
import { memberContextOf } from './member-context';

const gold: FoundMember = {
  id: '0195505c-0000-7000-8000-0000000000f1',
  cardNo: '888800018',
  name: '王小明',
  phoneMasked: '138****5678',
  level: { id: '0195505c-0000-7000-8000-0000000000f2', code: 'GOLD_CARD', nameZh: '金卡会员', nameEn: 'Gold card' },
  birthday: '1988-06-15',
};

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) => answer(status, { error: { code, message: code } });

/** A paired till whose HQ client calls `fetch`. */
async function tillWith(fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  const spy = vi.fn(fetch);
  return { deps: { db, hq: createHqClient({ fetch: spy }) }, fetch: spy };
}

describe('lookupMember', () => {
  it('asks HQ with the device token and the code compacted to digits', async () => {
    const { deps, fetch } = await tillWith(answer(200, gold));
    expect(await lookupMember(deps, ' 8888-0001-8 ')).toEqual({ ok: true, member: gold });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/members/lookup?code=888800018');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer device-token');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('takes a mobile number written with +86 and spaces', async () => {
    const { deps, fetch } = await tillWith(answer(200, gold));
    await lookupMember(deps, '+86 138 1234 5678');
    expect(fetch.mock.calls[0]![0]).toBe('/members/lookup?code=8613812345678');
  });

  it('refuses a code that cannot be a card or a phone without asking HQ', async () => {
    const { deps, fetch } = await tillWith(answer(200, gold));
    for (const code of ['', '12345', 'abc12345', '8'.repeat(20), '888800019']) {
      expect(await lookupMember(deps, code)).toEqual({ ok: false, code: 'MEMBER_CODE_INVALID', reachedHq: false });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tells not found, a shared phone and a refused till apart', async () => {
    expect(await lookupMember((await tillWith(error(404, 'NOT_FOUND'))).deps, '88889993')).toEqual({ ok: false, code: 'MEMBER_NOT_FOUND', reachedHq: true });
    expect(await lookupMember((await tillWith(error(409, 'CONFLICT'))).deps, '13812345678')).toMatchObject({ code: 'MEMBER_PHONE_SHARED' });
    expect(await lookupMember((await tillWith(error(423, 'CARD_LOST'))).deps, '888800018')).toEqual({ ok: false, code: 'MEMBER_CARD_LOST', reachedHq: true });
    expect(await lookupMember((await tillWith(error(401, 'UNAUTHENTICATED'))).deps, '888800018')).toMatchObject({ code: 'DEVICE_REFUSED' });
    expect(await lookupMember((await tillWith(error(429, 'RATE_LIMITED'))).deps, '888800018')).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('says offline when HQ cannot be reached, times out or fails', async () => {
    const refused = async () => Promise.reject(new TypeError('fetch failed'));
    const timedOut = async () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));
    for (const fetch of [refused, timedOut, error(503, 'INTERNAL'), answer(502, 'bad gateway')]) {
      expect(await lookupMember((await tillWith(fetch)).deps, '888800018')).toEqual({ ok: false, code: 'MEMBER_LOOKUP_OFFLINE', reachedHq: false });
    }
  });

  it('does not trust an answer that is not a member', async () => {
    const { deps } = await tillWith(answer(200, { ...gold, level: null }));
    expect(await lookupMember(deps, '888800018')).toEqual({ ok: false, code: 'HQ_INVALID_RESPONSE', reachedHq: true });
  });
});

describe('memberContextOf', () => {
  it('gives the engine the member, the level and the birthday', () => {
    expect(memberContextOf(gold)).toEqual({ id: gold.id, levelId: gold.level.id, birthday: '1988-06-15' });
  });
});
