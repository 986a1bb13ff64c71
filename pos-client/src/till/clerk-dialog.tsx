import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keyComboOf, type LineClerkShare } from '@pos/shared';
import { useTillServices } from '../app/services-context';
import { useBridgeScans } from '../bridge/use-bridge';
import { pickClerk, startChoice, type ClerkChoiceState, type ClerkTarget } from '../features/sales/clerk-choice';
import { clerkOfBadge, matchClerks, type ClerkChoice } from '../features/sales/sales-clerks';
import { useTillShortcuts } from '../features/shortcuts/till-shortcuts-context';
import { useI18n } from '../i18n/i18n-context';
import { useModalDialog } from './use-modal-dialog';
import './clerk-dialog.css';
import './discount-dialog.css';
import './member-dialog.css';

interface ClerkDialogProps {
  open: boolean;
  /** The till's store, whose clerks' badges are taken here. */
  storeId: string;
  /** The active clerks who may be credited here, sales clerks first. */
  clerks: readonly ClerkChoice[];
  defaultClerk: ClerkChoice | null;
  /** The selected line, with whom it is credited to now; null on an empty basket. */
  line: { id: string; nameZh: string; nameEn: string; shares: readonly LineClerkShare[] } | null;
  describe: (shares: readonly LineClerkShare[]) => string;
  onSetDefault: (clerkId: string | null) => void;
  onSetLine: (lineId: string, shares: LineClerkShare[]) => void;
  onClose: () => void;
}

/** One row of the list: a clerk, or the cashier (no sales clerk). */
type Option = { key: string; clerk: ClerkChoice | null };

/**
 * Who sells (营业员): the clerk the till's new lines go to, or the selected line's clerks, shared
 * between two by the first one's percent. Type a code or a name, ↑↓ choose, Enter credits; its key
 * switches between new lines and the selected line. A badge scanned while it is open, by the
 * bridge's scanner or a keyboard-wedge one typing into the search, picks its clerk as Enter would.
 */
export function ClerkDialog({ open, storeId, clerks, defaultClerk, line, describe, onSetDefault, onSetLine, onClose }: ClerkDialogProps) {
  const { t, errorText, pickName } = useI18n();
  const { db, bridge } = useTillServices();
  const shortcuts = useTillShortcuts();
  const ref = useModalDialog(open);
  const [choice, setChoice] = useState<ClerkChoiceState>(startChoice());
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState(0);
  const [problem, setProblem] = useState<{ code: string; badge?: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // After the dialog opens (which focuses its first field, the radio group): typing starts in the search.
  useEffect(() => {
    setChoice(startChoice());
    setText('');
    setChosen(0);
    setProblem(null);
    if (open) searchRef.current?.focus();
  }, [open]);

  const waitingForSecond = choice.first !== null;
  // The cashier heads the list until a code or name is typed, so Enter after F11 alone gives the line back to the cashier.
  const options: Option[] = [
    ...(waitingForSecond || text.trim() !== '' ? [] : [{ key: 'cashier', clerk: null }]),
    ...matchClerks(clerks, text).filter((c) => c.id !== choice.first?.id).map((clerk) => ({ key: clerk.id, clerk })),
  ];
  const update = (next: Partial<ClerkChoiceState>) => {
    setChoice((current) => ({ ...current, ...next, first: null }));
    setProblem(null);
  };
  const target = (next: ClerkTarget) => update({ target: next === 'line' && !line ? 'new_lines' : next });

  function pick(option: Option | undefined): void {
    if (!option) return;
    const picked = pickClerk(choice, option.clerk);
    if (picked.outcome === 'problem') return setProblem({ code: picked.code });
    if (picked.outcome === 'next') {
      setChoice(picked.state);
      setText('');
      setChosen(0);
      return setProblem(null);
    }
    if (picked.target === 'line' && line) onSetLine(line.id, picked.shares);
    else onSetDefault(picked.shares[0]?.clerkId ?? null);
  }

  /** A badge's clerk picked, or the refusal of another store's badge; false when the code is no badge. */
  async function pickBadge(code: string): Promise<boolean> {
    if (code.trim() === '') return false;
    const badge = await clerkOfBadge(db, code, storeId);
    if (badge.found === 'none') return false;
    if (badge.found === 'elsewhere') setProblem({ code: 'CLERK_NOT_HERE', badge: code.trim() });
    else pick({ key: badge.clerk.id, clerk: badge.clerk });
    setText('');
    return true;
  }
  useBridgeScans(bridge, (code) => (open ? void pickBadge(code) : undefined));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (step: number) => setChosen((index) => Math.min(options.length - 1, Math.max(0, index + step)));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Enter: () => void pickBadge(text).then((badge) => {
        if (!badge) pick(options[chosen]);
      }),
    };
    // The sales clerk key again switches between new lines and the selected line.
    if (keyComboOf(event.nativeEvent) === shortcuts.sales_clerk) keys[event.key] = () => target(choice.target === 'line' ? 'new_lines' : 'line');
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  const sharePercent = Number(choice.shareText.replace(',', '.'));
  const step = !choice.sharing || choice.target !== 'line'
    ? t('clerk.stepOne')
    : choice.first
      ? t('clerk.stepSecond', { code: choice.first.code, name: choice.first.name, percent: Number.isFinite(sharePercent) ? Math.round((100 - sharePercent) * 100) / 100 : '?' })
      : t('clerk.stepFirst');
  const now = (shares: readonly LineClerkShare[]) => (shares.length ? describe(shares) : t('clerk.cashier'));

  return (
    <dialog ref={ref} className="member-dialog clerk-dialog" aria-labelledby="clerk-title" onClose={onClose} data-testid="clerk-dialog">
      <div className="field">
        <h2 id="clerk-title">{t('clerk.title')}</h2>
        <p>{t('clerk.hint')}</p>
        <fieldset className="discount-choices">
          <legend>{t('clerk.credit')}</legend>
          <Choice checked={choice.target === 'new_lines'} onChoose={() => target('new_lines')} testId="clerk-target-new">
            {t('clerk.forNewLines')} <span className="sub">{defaultClerk ? `${defaultClerk.code} ${defaultClerk.name}` : t('clerk.cashier')}</span>
          </Choice>
          <Choice checked={choice.target === 'line'} disabled={!line} onChoose={() => target('line')} testId="clerk-target-line">
            {line ? t('clerk.forLine', { name: pickName(line) }) : t('clerk.noLine')} {line && <span className="sub num">{now(line.shares)}</span>}
          </Choice>
        </fieldset>
        {choice.target === 'line' && (
          <div className="clerk-share-row">
            <label className="clerk-share-toggle">
              <input type="checkbox" checked={choice.sharing} onChange={(event) => update({ sharing: event.target.checked })} data-testid="clerk-share" />
              {t('clerk.share')}
            </label>
            {choice.sharing && (
              <label className="field">
                <span>{t('clerk.firstShare')}</span>
                <input
                  className="input num"
                  value={choice.shareText}
                  onChange={(event) => update({ shareText: event.target.value.replace(/[^\d.,]/g, '').slice(0, 5) })}
                  inputMode="decimal"
                  autoComplete="off"
                  data-testid="clerk-share-percent"
                />
              </label>
            )}
          </div>
        )}
        <p className="clerk-step" role="status" data-testid="clerk-step">{step}</p>
        <label className="field">
          <span>{t('clerk.search')}</span>
          {open && (
            <input
              ref={searchRef}
              className="input"
              value={text}
              onChange={(event) => {
                setText(event.target.value.slice(0, 20));
                setChosen(0);
              }}
              onKeyDown={onKeyDown}
              autoComplete="off"
              role="combobox"
              aria-expanded={options.length > 0}
              aria-controls="clerk-results"
              aria-activedescendant={options[chosen] ? `clerk-option-${options[chosen].key}` : undefined}
              data-testid="clerk-search"
            />
          )}
        </label>
        <ul id="clerk-results" className="search-results clerk-results" role="listbox" aria-label={t('clerk.results')}>
          {options.map((option, index) => (
            <li
              key={option.key}
              id={`clerk-option-${option.key}`}
              role="option"
              aria-selected={index === chosen}
              className={index === chosen ? 'chosen' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
              data-testid="clerk-option"
            >
              {option.clerk ? (
                <>
                  <span className="num">{option.clerk.code}</span>
                  <span>{option.clerk.name}</span>
                  <span className="sub">{t(option.clerk.role === 'sales_clerk' ? 'clerk.roleSales' : 'clerk.roleOther')}</span>
                </>
              ) : (
                <>
                  <span className="num">—</span>
                  <span>{t('clerk.cashier')}</span>
                  <span className="sub">{t('clerk.clear')}</span>
                </>
              )}
            </li>
          ))}
        </ul>
        {text.trim() !== '' && options.length === 0 && <p role="status">{t('clerk.none')}</p>}
        {problem && (
          <div className="notice notice-error" role="alert" data-testid="clerk-problem">
            {errorText(problem.code, problem.badge === undefined ? undefined : { code: problem.badge })}
          </div>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')} <span className="key">Esc</span>
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** One option of a radio group, drawn as a key: the group is one Tab stop and the arrow keys move within it. */
function Choice({ checked, disabled = false, onChoose, testId, children }: { checked: boolean; disabled?: boolean; onChoose: () => void; testId: string; children: ReactNode }) {
  return (
    <label className="discount-choice">
      <input type="radio" name="clerk-target" checked={checked} disabled={disabled} onChange={onChoose} data-testid={testId} />
      {children}
    </label>
  );
}
