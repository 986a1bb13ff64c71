import type { FoundMember } from '@pos/shared';
import { useI18n } from '../i18n/i18n-context';
import { KeyLabel } from './key-label';

const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

interface MemberStripProps {
  member: FoundMember | null;
  onLookUp: () => void;
  onClear: () => void;
  /** The member card desk: balance, top-up, lost and replaced cards. */
  onCardDesk: () => void;
}

/** The member the basket is priced for, or the key that looks one up. */
export function MemberStrip({ member, onLookUp, onClear, onCardDesk }: MemberStripProps) {
  const { t, pickName } = useI18n();
  if (!member) {
    return (
      <div className="member-strip-keys">
        <button type="button" className="button member-strip-add" tabIndex={-1} onMouseDown={keepFocus} onClick={onLookUp} data-testid="member-add">
          {t('sell.member')} <KeyLabel action="member" />
        </button>
        <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={onCardDesk} data-testid="card-desk-open">
          {t('sell.cardDesk')} <KeyLabel action="member_card" />
        </button>
      </div>
    );
  }
  return (
    <div className="member-strip" data-testid="member-strip">
      <div>
        <strong>{member.name}</strong>
        <span className="member-level">{pickName(member.level)}</span>
        <span className="sub num">{member.cardNo}</span>
      </div>
      <div className="member-strip-keys">
        <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={onCardDesk} data-testid="card-desk-open">
          {t('sell.cardDesk')} <KeyLabel action="member_card" />
        </button>
        <button type="button" className="button" tabIndex={-1} onMouseDown={keepFocus} onClick={onClear} data-testid="member-clear">
          {t('sell.memberClear')}
        </button>
      </div>
    </div>
  );
}
