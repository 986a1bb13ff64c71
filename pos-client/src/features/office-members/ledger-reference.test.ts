import { describe, expect, it } from 'vitest';
import { ledgerReference } from './ledger-reference';

describe('ledgerReference', () => {
  it('prefers the reason, then the first document named by its short id, else a dash', () => {
    expect(ledgerReference({ reason: 'Goodwill', documentIds: ['0193a1b2-0000-7000-8000-000000000001'] })).toBe('Goodwill');
    expect(ledgerReference({ reason: '  ', documentIds: [null, '0193a1b2-0000-7000-8000-00000000a001', '0193a1b2-0000-7000-8000-00000000b002'] })).toBe('0000a001');
    expect(ledgerReference({ reason: null, documentIds: [null, null] })).toBe('—');
  });
});
