import type { PromotionRule } from '@pos/shared';
import { BirthdayForm } from './promotion-kinds/birthday-form';
import { BrandDiscountForm } from './promotion-kinds/brand-discount-form';
import { BuyNGetMForm } from './promotion-kinds/buy-n-get-m-form';
import { CategoryDiscountForm } from './promotion-kinds/category-discount-form';
import { HappyHourForm } from './promotion-kinds/happy-hour-form';
import { ItemDiscountForm } from './promotion-kinds/item-discount-form';
import { MemberPriceForm } from './promotion-kinds/member-price-form';
import { PointsMultiplierForm } from './promotion-kinds/points-multiplier-form';
import { SpendGiftForm } from './promotion-kinds/spend-gift-form';
import { SpendThresholdOffForm } from './promotion-kinds/spend-threshold-off-form';
import { SpendThresholdPercentForm } from './promotion-kinds/spend-threshold-percent-form';
import { VoucherForm } from './promotion-kinds/voucher-form';

/** The form of the rule's own kind; each case keeps the kind and its arguments together. */
export function PromotionKindForm({ rule, onChange }: { rule: PromotionRule; onChange: (rule: PromotionRule) => void }) {
  switch (rule.kind) {
    case 'item_discount':
      return <ItemDiscountForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'category_discount':
      return <CategoryDiscountForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'brand_discount':
      return <BrandDiscountForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'member_price':
      return <MemberPriceForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'happy_hour':
      return <HappyHourForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'birthday':
      return <BirthdayForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'buy_n_get_m':
      return <BuyNGetMForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'spend_threshold_off':
      return <SpendThresholdOffForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'spend_threshold_percent':
      return <SpendThresholdPercentForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'spend_gift':
      return <SpendGiftForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'voucher':
      return <VoucherForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
    case 'points_multiplier':
      return <PointsMultiplierForm args={rule.args} onChange={(args) => onChange({ ...rule, args })} />;
  }
}
