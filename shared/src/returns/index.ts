export * from './line-refunds';
export * from './plan-refund';
export * from './promotion-clawback';
export * from './return-history';
