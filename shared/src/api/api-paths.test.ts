import { describe, expect, it } from 'vitest';
import { isApiPath } from './api-paths';

describe('isApiPath', () => {
  it('tells API paths from the till’s pages', () => {
    expect(isApiPath('/sync/pull')).toBe(true);
    expect(isApiPath('/health')).toBe(true);
    expect(isApiPath('/ready')).toBe(true);
    expect(isApiPath('/metrics')).toBe(true);
    expect(isApiPath('/readme')).toBe(false);
    expect(isApiPath('/openapi.json')).toBe(true);
    expect(isApiPath('/reports?from=1')).toBe(true);
    expect(isApiPath('/stores')).toBe(true);
    expect(isApiPath('/categories')).toBe(true);
    expect(isApiPath('/products?ids=0195505c-0000-7000-8000-0000000000b1')).toBe(true);
    expect(isApiPath('/productsheet')).toBe(false);
    expect(isApiPath('/assortments/0195505c-0000-7000-8000-0000000000b1')).toBe(true);
    expect(isApiPath('/settings/pricing')).toBe(true);
    expect(isApiPath('/members/lookup?code=888800018')).toBe(true);
    expect(isApiPath('/vouchers/SAVE20')).toBe(true);
    expect(isApiPath('/org/stores?limit=20')).toBe(true);
    expect(isApiPath('/regions')).toBe(true);
    expect(isApiPath('/franchisees/0195505c-0000-7000-8000-0000000000b1')).toBe(true);
    expect(isApiPath('/suppliers?active=true&q=')).toBe(true);
    expect(isApiPath('/franchise-statements/preview?period=2026-11')).toBe(true);
    expect(isApiPath('/points/balance?cardNo=88880001')).toBe(true);
    expect(isApiPath('/organisation')).toBe(false);
    expect(isApiPath('/')).toBe(false);
    expect(isApiPath('/syncing')).toBe(false);
    expect(isApiPath('/openapiXjson')).toBe(false);
  });
});
