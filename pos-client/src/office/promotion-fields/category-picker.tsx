import { useState } from 'react';
import { categoryPath, inTreeOrder, matchesCategory } from '../../features/office-core/category-tree';
import { useI18n } from '../../i18n/i18n-context';
import { ChosenChips } from './chosen-chips';
import { usePromotionForm } from './promotion-form-context';

/** Chosen categories as removable chips, and the chain's category tree, searchable, to add more from. */
export function CategoryPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t, pickName } = useI18n();
  const { categories } = usePromotionForm();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const rows = inTreeOrder(categories).filter(({ category }) => matchesCategory(category, search));
  const label = (id: string) => categoryPath(categories, id).map(pickName).join(' › ') || `${id.slice(0, 8)}…`;

  function choose(id: string) {
    if (!value.includes(id)) onChange([...value, id]);
    setOpen(false);
    setSearch('');
  }

  return (
    <div className="office-picker">
      <ChosenChips ids={value} label={label} onChange={onChange} addText={t('office.promo.addCategory')} onAdd={() => setOpen(!open)} />
      {open && (
        <div className="office-picker-drop">
          <input className="office-input" autoFocus placeholder={t('office.promo.categorySearch')} value={search} onChange={(e) => setSearch(e.target.value)} />
          {rows.length === 0 && <p className="office-muted">{t('office.promo.noCategories')}</p>}
          <ul className="office-picker-tree">
            {rows.map(({ category, depth }) => (
              <li key={category.id} style={{ paddingLeft: depth * 18 }}>
                <button type="button" disabled={value.includes(category.id)} onClick={() => choose(category.id)}>
                  <span className="office-code">{category.code}</span> {pickName(category)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
