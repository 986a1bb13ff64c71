export * from './allocate';
export * from './replenish';
export * from './moving-average';
