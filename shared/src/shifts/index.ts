export * from './denominations';
export * from './shift-reports';
export * from './shift-totals';
