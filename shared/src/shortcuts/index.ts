export * from './key-combo';
export * from './till-shortcuts';
