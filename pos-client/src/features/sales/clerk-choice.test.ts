import { describe, expect, it } from 'vitest';
import { pickClerk, sharesText, startChoice } from './clerk-choice';
import { matchClerks, type ClerkChoice } from './sales-clerks';

const ann: ClerkChoice = { id: 'c-ann', code: '0014', name: '孙悦', role: 'sales_clerk' };
const bob: ClerkChoice = { id: 'c-bob', code: '0015', name: '秦岚', role: 'sales_clerk' };
const cal: ClerkChoice = { id: 'c-cal', code: '0012', name: 'Wang Fang', role: 'cashier' };

describe('choosing the clerks of a line or of the new lines', () => {
  it('credits the till’s new lines wholly to the clerk picked, or back to the cashier', () => {
    expect(pickClerk(startChoice(), ann)).toEqual({ outcome: 'done', target: 'new_lines', shares: [{ clerkId: 'c-ann', shareBp: 10_000 }] });
    expect(pickClerk(startChoice(), null)).toEqual({ outcome: 'done', target: 'new_lines', shares: [] });
    expect(pickClerk({ ...startChoice(), sharing: true }, ann)).toMatchObject({ outcome: 'done', shares: [{ clerkId: 'c-ann', shareBp: 10_000 }] });
  });

  it('shares a line: the first pick waits, the second takes the rest of the share', () => {
    const sharing = { ...startChoice('line'), sharing: true, shareText: '60' };
    const first = pickClerk(sharing, ann);
    if (first.outcome !== 'next') throw new Error(first.outcome);
    expect(first.state.first).toEqual(ann);
    expect(pickClerk(first.state, bob)).toEqual({
      outcome: 'done', target: 'line', shares: [{ clerkId: 'c-ann', shareBp: 6000 }, { clerkId: 'c-bob', shareBp: 4000 }],
    });
    expect(pickClerk(first.state, ann)).toEqual({ outcome: 'problem', code: 'SHARE_SAME_CLERK' });
    expect(pickClerk(first.state, null)).toEqual({ outcome: 'done', target: 'line', shares: [] });
  });

  it('says a share that is not between 1 and 99 percent before anyone is chosen', () => {
    for (const shareText of ['0', '100', '', 'x']) expect(pickClerk({ ...startChoice('line'), sharing: true, shareText }, ann)).toEqual({ outcome: 'problem', code: 'SHARE_INVALID' });
    expect(pickClerk({ ...startChoice('line'), sharing: false, shareText: '0' }, ann)).toMatchObject({ outcome: 'done' });
  });

  it('finds clerks by the start of their code or any part of their name', () => {
    const clerks = [ann, bob, cal];
    expect(matchClerks(clerks, '')).toEqual(clerks);
    expect(matchClerks(clerks, '001')).toEqual(clerks);
    expect(matchClerks(clerks, '0014')).toEqual([ann]);
    expect(matchClerks(clerks, '14')).toEqual([]);
    expect(matchClerks(clerks, '岚')).toEqual([bob]);
    expect(matchClerks(clerks, ' fang ')).toEqual([cal]);
  });

  it('shows a line’s clerks by code, with the shares when two share it', () => {
    const code = (id: string) => ({ 'c-ann': '0014', 'c-bob': '0015' })[id];
    expect(sharesText([{ clerkId: 'c-ann', shareBp: 10_000 }], code)).toBe('0014');
    expect(sharesText([{ clerkId: 'c-ann', shareBp: 6000 }, { clerkId: 'c-bob', shareBp: 4000 }], code)).toBe('0014 60% · 0015 40%');
    expect(sharesText([], code)).toBe('');
    expect(sharesText([{ clerkId: 'c-gone', shareBp: 10_000 }], code)).toBe('?');
  });
});
