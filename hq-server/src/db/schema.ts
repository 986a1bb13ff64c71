export * from '../catalog/catalog.tables';
export * from '../org/org.tables';
export * from '../pricing/pricing.tables';
export * from '../promotions/promotions.tables';
export * from '../reports/reports.tables';
export * from '../sales/sales.tables';
export * from '../stock/stock.tables';
