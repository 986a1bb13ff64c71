import { version } from '../../package.json';

/** The till's app version, from its `package.json` at build time; every pull and push reports it to HQ. */
export const appVersion: string = version;
