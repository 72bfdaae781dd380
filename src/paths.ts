import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src (tests) or dist. */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  // dist/src → package root; src → package root
  while (!dir.endsWith('/src')) dir = dirname(dir);
  dir = dirname(dir);
  return dir.endsWith('/dist') ? dirname(dir) : dir;
})();

export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
