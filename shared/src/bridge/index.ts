export * from './bridge-devices.schemas';
export * from './bridge-messages.schemas';
export * from './bridge-replies.schemas';
