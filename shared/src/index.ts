export * from './ids/uuidv7';
export * from './money';
export * from './schemas';
export * from './time/business-day';
export * from './bridge';
export * from './receipt';
export * from './pricing';
export * from './promotions';
