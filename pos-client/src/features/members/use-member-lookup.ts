import { useRef, useState } from 'react';
import type { FoundMember } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useCardSwipes } from '../../bridge/use-bridge';
import { lookupMember, type MemberLookupFailure } from './lookup-member';

export type MemberDialogFailure = MemberLookupFailure | 'MEMBER_CARD_MISREAD';

/**
 * Drives the member dialog: the code typed or swiped, the look-up at HQ, and the member found
 * or why none was. Card swipes from the bridge count only while `listening` (the dialog is open).
 */
export function useMemberLookup({ listening }: { listening: boolean }) {
  const services = useTillServices();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [member, setMember] = useState<FoundMember | null>(null);
  const [failure, setFailure] = useState<MemberDialogFailure | null>(null);
  // Only the latest look-up may answer: a swipe or new typing overtakes one under way, and a closed dialog wants none.
  const latest = useRef(0);

  function forget(): void {
    latest.current++;
    setBusy(false);
    setMember(null);
    setFailure(null);
  }

  async function lookUp(input: string): Promise<void> {
    forget();
    const ticket = latest.current;
    setBusy(true);
    const result = await lookupMember(services, input);
    if (ticket !== latest.current) return;
    setBusy(false);
    if (result.ok || result.reachedHq) services.sync.noteConnection('online');
    else if (result.code === 'MEMBER_LOOKUP_OFFLINE') services.sync.noteConnection('offline');
    if (result.ok) setMember(result.member);
    else setFailure(result.code);
  }

  useCardSwipes(services.bridge, (card) => {
    if (!listening) return;
    if (!card) {
      forget();
      return setFailure('MEMBER_CARD_MISREAD');
    }
    setCode(card.number);
    void lookUp(card.number);
  });

  return {
    code,
    setCode: (value: string) => {
      setCode(value.replace(/[^\d +-]/g, '').slice(0, 24));
      forget();
    },
    busy,
    member,
    failure,
    lookUp: () => lookUp(code),
    reset: () => {
      setCode('');
      forget();
    },
  };
}
