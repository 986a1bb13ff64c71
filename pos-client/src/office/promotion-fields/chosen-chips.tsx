import { useI18n } from '../../i18n/i18n-context';

interface Props {
  ids: string[];
  label: (id: string) => string;
  onChange: (ids: string[]) => void;
  addText: string;
  onAdd: () => void;
}

/** What a picker holds, as removable chips, followed by the link that opens its drop-down. */
export function ChosenChips({ ids, label, onChange, addText, onAdd }: Props) {
  const { t } = useI18n();
  return (
    <div className="office-chips">
      {ids.map((id) => (
        <span key={id} className="office-chip">
          {label(id)}
          <button type="button" aria-label={t('office.promo.remove')} onClick={() => onChange(ids.filter((v) => v !== id))}>×</button>
        </span>
      ))}
      <button type="button" className="office-link" onClick={onAdd}>{addText}</button>
    </div>
  );
}
