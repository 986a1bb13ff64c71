export * from './member-message-text';
export * from './care-reminder';
