import { TreeSelect } from 'antd';
import type { Category } from '@pos/shared';
import { categoryPath, matchesCategory } from '../../features/office-core/category-tree';
import { useI18n } from '../../i18n/i18n-context';
import { useFieldIds } from './field-problem';
import { usePromotionForm } from './promotion-form-context';

interface CategoryNode {
  value: string;
  title: string;
  /** The whole path, shown once chosen: "Drinks › Soda". */
  path: string;
  category: Category;
  children: CategoryNode[];
}

/** The chain's category tree, searchable by code or name; chosen categories show with their whole path. */
export function CategoryPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t, pickName } = useI18n();
  const field = useFieldIds();
  const { categories } = usePromotionForm();
  const known = new Set(categories.map((c) => c.id));
  const nodesUnder = (parentId: string | null): CategoryNode[] =>
    categories
      .filter((c) => (parentId === null ? c.parentId === null || !known.has(c.parentId) : c.parentId === parentId))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => ({ value: c.id, title: `${c.code} ${pickName(c)}`, path: categoryPath(categories, c.id).map(pickName).join(' › '), category: c, children: nodesUnder(c.id) }));
  return (
    <TreeSelect<string[]>
      // Mounted again once the categories arrive, so the tree opens expanded.
      key={categories.length}
      id={field?.id}
      className="office-picker"
      multiple
      treeDefaultExpandAll
      treeData={nodesUnder(null)}
      treeNodeLabelProp="path"
      value={value}
      placeholder={t('office.promo.categorySearch')}
      notFoundContent={t('office.promo.noCategories')}
      showSearch={{ filterTreeNode: (input, node) => matchesCategory((node as unknown as CategoryNode).category, input) }}
      onChange={(ids) => onChange(ids)}
    />
  );
}
