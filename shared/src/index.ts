export * from './ids/uuidv7';
export * from './money';
export * from './schemas';
export * from './time/business-day';
