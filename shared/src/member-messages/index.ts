export * from './member-message-text';
