export * from './define-rule';
export * from './engine/compile-rules';
export type { AdjustmentSource, AdjustmentStage } from './engine/shares';
export type { VoucherResult, VoucherStatus } from './engine/voucher-stage';
export * from './price-basket';
export * from './priced-basket.types';
export * from './promotions.schemas';
export * from './rule-common.schemas';
export * from './rule-registry';
