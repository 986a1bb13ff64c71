export * from './periods';
export * from './figures';
export * from './promotion-return';
