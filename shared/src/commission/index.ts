export * from './line-clerk-shares';
export * from './commission-rules';
export * from './commission-periods';
export * from './compute-commission';
