import { MemberCardStatus } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { cardTransition, type CardAction } from './card-lifecycle';

describe('card lifecycle', () => {
  it('moves a card along its life', () => {
    expect(cardTransition('issued', 'activate')).toEqual({ ok: true, to: 'active' });
    expect(cardTransition('active', 'report_lost')).toEqual({ ok: true, to: 'lost' });
    expect(cardTransition('lost', 'replace')).toEqual({ ok: true, to: 'replaced' });
    expect(cardTransition('active', 'replace')).toEqual({ ok: true, to: 'replaced' });
    expect(cardTransition('lost', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(cardTransition('active', 'set_pin')).toEqual({ ok: true, to: 'active' });
  });

  it('refuses every action on a final card, saying why', () => {
    const actions: CardAction[] = ['activate', 'report_lost', 'replace', 'cancel', 'set_pin'];
    for (const from of ['replaced', 'cancelled'] as const) {
      for (const action of actions) expect(cardTransition(from, action).ok).toBe(false);
    }
    expect(cardTransition('cancelled', 'activate')).toEqual({ ok: false, reason: 'the card is cancelled: it cannot be activated' });
  });

  it('refuses activating an active card, a PIN on a lost one and replacing one not yet activated', () => {
    expect(cardTransition('active', 'activate').ok).toBe(false);
    expect(cardTransition('lost', 'set_pin').ok).toBe(false);
    expect(cardTransition('lost', 'report_lost').ok).toBe(false);
    expect(cardTransition('issued', 'replace').ok).toBe(false);
  });

  it('leaves every status some way out until it is final', () => {
    for (const from of MemberCardStatus.options) {
      const exits = (['activate', 'report_lost', 'replace', 'cancel'] as const).filter((a) => cardTransition(from, a).ok);
      expect(exits.length === 0).toBe(from === 'replaced' || from === 'cancelled');
    }
  });
});
