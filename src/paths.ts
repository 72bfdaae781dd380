import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the nearest folder with package.json), whether running from dist/ or another build dir. */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('mamori: cannot find the package root');
    dir = up;
  }
  return dir;
})();

export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
