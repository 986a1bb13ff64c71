import { defaultTillShortcuts } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { keyLabelText, keyParams } from './key-label-text';

describe('key labels', () => {
  it('prints keys as the keyboard labels them', () => {
    expect(keyLabelText('Insert')).toBe('Ins');
    expect(keyLabelText('PageDown')).toBe('PgDn');
    expect(keyLabelText('F9')).toBe('F9');
    expect(keyLabelText('Alt+M')).toBe('Alt+M');
  });

  it('gives every action’s key as a message parameter', () => {
    const params = keyParams({ ...defaultTillShortcuts, complete: 'F12', hold: 'Alt+H' });
    expect(params).toMatchObject({ key_complete: 'F12', key_hold: 'Alt+H', key_recall: 'Home', key_exact: 'F4' });
  });
});
