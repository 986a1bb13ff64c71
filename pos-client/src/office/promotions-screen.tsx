import { isRuleKind } from '../features/office-promotions/rule-defaults';
import type { OfficeScreenProps } from './office-sections';
import { PromotionEditorScreen } from './promotion-editor-screen';
import { PromotionKindChooser } from './promotion-kind-chooser';
import { PromotionListScreen } from './promotion-list-screen';

/** `#/office/promotions`, `…/new`, `…/new/<kind>`, `…/edit/<id>`. */
export function PromotionsScreen({ rest }: OfficeScreenProps) {
  const [action, arg] = rest;
  if (action === 'new' && isRuleKind(arg)) return <PromotionEditorScreen key={`new-${arg}`} target={{ kind: 'new', ruleKind: arg }} />;
  if (action === 'new') return <PromotionKindChooser />;
  if (action === 'edit' && arg) return <PromotionEditorScreen key={arg} target={{ kind: 'edit', id: arg }} />;
  return <PromotionListScreen />;
}
