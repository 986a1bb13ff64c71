export * from './auth';
export * from './catalog';
export * from './common';
export * from './org';
export * from './reports';
export * from './sales';
export * from './sync';
