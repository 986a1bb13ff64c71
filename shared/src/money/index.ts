export * from './money';
export * from './prorate';
