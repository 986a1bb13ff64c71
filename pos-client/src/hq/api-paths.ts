export { apiPathPattern, apiPathPrefixes } from '../../../shared/src/api/api-paths.ts';
