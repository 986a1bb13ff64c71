import type { FoundMember } from '@pos/shared';
import { useMemberLookup } from '../features/members/use-member-lookup';
import { useI18n } from '../i18n/i18n-context';
import { DialogButtons } from './dialog-buttons';
import { useModalDialog } from './use-modal-dialog';
import './bridge.css';
import './member-dialog.css';

interface MemberDialogProps {
  open: boolean;
  /** The cashier confirmed this member for the sale. */
  onChoose: (member: FoundMember) => void;
  /** Esc, Cancel, or the dialog closed after a choice. */
  onClose: () => void;
}

/**
 * Finding the customer's membership (会员查询): type or scan a card or mobile number and press
 * Enter, or swipe the card on the bridge's reader; Enter again (or "Use this member") confirms.
 */
export function MemberDialog({ open, onChoose, onClose }: MemberDialogProps) {
  const { t, errorText } = useI18n();
  const lookup = useMemberLookup({ listening: open });
  const ref = useModalDialog(open);

  const { member } = lookup;
  return (
    <dialog
      ref={ref}
      className="member-dialog"
      onClose={() => {
        lookup.reset();
        onClose();
      }}
      data-testid="member-dialog"
    >
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          if (member) onChoose(member);
          else void lookup.lookUp();
        }}
      >
        <h2>{t('member.title')}</h2>
        <p>{t('member.hint')}</p>
        <label className="field">
          <span>{t('member.codeLabel')}</span>
          <input
            className="input num"
            value={lookup.code}
            onChange={(event) => lookup.setCode(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            placeholder={t('member.codePlaceholder')}
            data-testid="member-code-input"
          />
        </label>
        {lookup.busy && <div className="notice notice-quiet">{t('member.busy')}</div>}
        {lookup.failure && (
          <div className="notice notice-error" role="alert" data-testid="member-error">
            {errorText(lookup.failure)}
          </div>
        )}
        {member && <MemberCard member={member} />}
        <DialogButtons
          onCancel={onClose}
          submit={member ? { label: t('member.use'), testId: 'member-use-button' } : { label: t('member.lookUp'), testId: 'member-lookup-button', disabled: lookup.busy || lookup.code.trim() === '' }}
        />
      </form>
    </dialog>
  );
}

function MemberCard({ member }: { member: FoundMember }) {
  const { t, pickName } = useI18n();
  return (
    <section className="member-found" data-testid="member-found">
      <div className="member-found-head">
        <strong className="member-name">{member.name}</strong>
        <span className="member-level">{pickName(member.level)}</span>
      </div>
      <dl>
        <dt>{t('member.card')}</dt>
        <dd className="num">{member.cardNo}</dd>
        <dt>{t('member.phone')}</dt>
        <dd className="num">{member.phoneMasked ?? '—'}</dd>
        {member.birthday && (
          <>
            <dt>{t('member.birthday')}</dt>
            <dd className="num">{member.birthday}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
