import { createRequire } from 'node:module';

/** yw's version, from the package.json beside dist/ (shipped in every install). */
export const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
