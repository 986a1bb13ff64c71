import { useState } from 'react';
import { TreeSelect } from 'antd';
import { categoryPath, matchesCategory } from '../../features/office-core/category-tree';
import { useI18n } from '../../i18n/i18n-context';
import { useFieldIds } from './field-problem';
import { usePromotionForm } from './promotion-form-context';

interface CategoryNode {
  value: string;
  title: string;
  /** The whole path, shown once chosen: "Drinks › Soda". */
  path: string;
  children: CategoryNode[];
}

/** The chain's category tree, searchable by code or name; chosen categories show with their whole path. */
export function CategoryPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t, pickName } = useI18n();
  const field = useFieldIds();
  const { categories } = usePromotionForm();
  const ids = categories.map((c) => c.id);
  const known = new Set(ids);
  // The tree opens expanded, also when the categories arrive after it was opened.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const nodesUnder = (parentId: string | null): CategoryNode[] =>
    categories
      .filter((c) => (parentId === null ? c.parentId === null || !known.has(c.parentId) : c.parentId === parentId))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => ({ value: c.id, title: `${c.code} ${pickName(c)}`, path: categoryPath(categories, c.id).map(pickName).join(' › '), children: nodesUnder(c.id) }));
  return (
    <TreeSelect<string[]>
      id={field?.id}
      className="office-picker"
      multiple
      treeExpandedKeys={ids.filter((id) => !collapsed.has(id))}
      onTreeExpand={(keys) => setCollapsed(new Set(ids.filter((id) => !keys.includes(id))))}
      treeData={nodesUnder(null)}
      treeNodeLabelProp="path"
      value={value}
      placeholder={t('office.promo.categorySearch')}
      notFoundContent={t('office.promo.noCategories')}
      showSearch={{
        filterTreeNode: (input, node) => {
          const category = categories.find((c) => c.id === node.value);
          return category !== undefined && matchesCategory(category, input);
        },
      }}
      onChange={(ids) => onChange(ids)}
    />
  );
}
