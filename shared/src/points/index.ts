export * from './earn-points';
export * from './points-expiry';
export * from './take-back';
