import { displayWidth, padEnd, printable } from '../report/text-width.js';

/**
 * Plain aligned columns for terminal listings (the last column is not padded). Cells may hold cloud-supplied names
 * (account names in `mamori accounts`), so control characters are removed before they reach the terminal.
 */
export function formatColumns(header: string[], rows: string[][]): string {
  const all = [header, ...rows].map((r) => r.map(printable));
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  return all
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  '))
    .join('\n');
}
