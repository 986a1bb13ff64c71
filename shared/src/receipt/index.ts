export * from './layout-return-slip';
export * from './layout-sale-receipt';
export * from './layout-slips';
export * from './mark-reprint';
export * from './receipt-documents.schemas';
export * from './receipt-lines';
export * from './receipt-model.schemas';
export * from './text-width';
