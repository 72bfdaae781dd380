import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes every file under a temporary name first and renames them only when all are written,
 * so an error never leaves a half-written report in the output directory.
 */
export function writeOutputsAtomically(dir: string, files: ReadonlyArray<{ name: string; content: string }>): string[] {
  mkdirSync(dir, { recursive: true });
  const temps: Array<{ tmp: string; final: string }> = [];
  try {
    for (const f of files) {
      const final = join(dir, f.name);
      const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
      temps.push({ tmp, final });
      writeFileSync(tmp, f.content);
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.tmp, t.final);
  return temps.map((t) => t.final);
}
