export * from './line-clerk-shares';
