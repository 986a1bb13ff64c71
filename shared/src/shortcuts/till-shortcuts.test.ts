import { describe, expect, it } from 'vitest';
import { actionOfKey, checkTillShortcuts, completeTillShortcuts, defaultTillShortcuts, TillAction, TillShortcuts } from './till-shortcuts';

describe('the chain’s till shortcuts', () => {
  it('defaults to the keys the till has always had, each valid and none twice', () => {
    expect(defaultTillShortcuts).toMatchObject({ refund: 'F1', cash: 'F2', complete: 'F9', no_sale: 'F10', card: 'End', hold: 'Insert', recall: 'Home', cash_in_out: 'Alt+M', x_report: 'Alt+X', shift_close: 'Alt+Z' });
    expect(Object.keys(defaultTillShortcuts).sort()).toEqual([...TillAction.options].sort());
    expect(checkTillShortcuts(defaultTillShortcuts)).toEqual([]);
    expect(TillShortcuts.safeParse(defaultTillShortcuts).success).toBe(true);
  });

  it('reports a key given twice on both actions, naming the other', () => {
    const problems = checkTillShortcuts({ ...defaultTillShortcuts, complete: 'Pause', hold: 'Pause' });
    expect(problems).toEqual([
      { action: 'complete', key: 'Pause', code: 'SHORTCUT_DUPLICATE', with: 'hold' },
      { action: 'hold', key: 'Pause', code: 'SHORTCUT_DUPLICATE', with: 'complete' },
    ]);
  });

  it('reports keys the scan field needs and keys the till does not take, with their codes', () => {
    const problems = checkTillShortcuts({ ...defaultTillShortcuts, member: 'Enter', voucher: '5', discount: 'Ctrl+D' });
    expect(problems.map((p) => [p.action, p.code])).toEqual([['member', 'SHORTCUT_RESERVED'], ['voucher', 'SHORTCUT_RESERVED'], ['discount', 'SHORTCUT_UNSUPPORTED']]);
  });

  it('refuses a bad map with each problem at its action, and an unknown or missing action', () => {
    const result = TillShortcuts.safeParse({ ...defaultTillShortcuts, complete: 'Insert' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message.split(':')[0]])).toEqual([['complete', 'SHORTCUT_DUPLICATE'], ['hold', 'SHORTCUT_DUPLICATE']]);
    expect(TillShortcuts.safeParse({ ...defaultTillShortcuts, dance: 'F12' }).success).toBe(false);
    const { refund: _, ...withoutRefund } = defaultTillShortcuts;
    expect(TillShortcuts.safeParse(withoutRefund).success).toBe(false);
  });

  it('completes a stored map: kept keys stay, a missing action gets its default or the first free key', () => {
    const { search: _, ...stored } = { ...defaultTillShortcuts, complete: 'F12', hold: 'Alt+F' };
    const complete = completeTillShortcuts(stored);
    expect(complete).toMatchObject({ complete: 'F12', hold: 'Alt+F', search: 'F9' });
    expect(checkTillShortcuts(complete)).toEqual([]);
    expect(completeTillShortcuts({})).toEqual(defaultTillShortcuts);
  });

  it('drops from a stored map what is invalid, taken twice, or not an action', () => {
    const complete = completeTillShortcuts({ ...defaultTillShortcuts, refund: 'Enter', cash: 'F3', dance: 'F12' });
    expect(complete.refund).toBe('F1');
    // Cash comes first and keeps F3; the member key, whose default is taken, gets the first free key.
    expect(complete.cash).toBe('F3');
    expect(complete.member).toBe('F2');
    expect(checkTillShortcuts(complete)).toEqual([]);
    expect(complete).not.toHaveProperty('dance');
  });

  it('finds the action of a key', () => {
    const shortcuts = { ...defaultTillShortcuts, complete: 'Pause' };
    expect(actionOfKey(shortcuts, 'Pause')).toBe('complete');
    expect(actionOfKey(shortcuts, 'F9')).toBeNull();
    expect(actionOfKey(shortcuts, null)).toBeNull();
  });
});
