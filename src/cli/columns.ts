import { displayWidth } from '../core/width.js';

/** Plain aligned columns for terminal listings (the last column is not padded). */
export function formatColumns(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  return all
    .map((r) =>
      r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell)))).join('  '),
    )
    .join('\n');
}
