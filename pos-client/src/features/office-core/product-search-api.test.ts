import { describe, expect, it } from 'vitest';
import { encodeProductSearch } from './product-search-api';

describe('product search parameters', () => {
  it('turns limit and offset into the page and page size the route takes', () => {
    expect(encodeProductSearch({ limit: 15, offset: 30, q: 'cola', filters: { storeId: 'S1' } }).toString()).toBe('page=3&pageSize=15&q=cola&storeId=S1');
    expect(encodeProductSearch({ limit: 15, offset: 0, filters: {} }).toString()).toBe('page=1&pageSize=15');
  });
});
