// Terminal text helpers for the table format: display width (East Asian wide = 2 columns), padding, truncation,
// and removal of control characters so a hostile resource name cannot send escape sequences to the terminal.
import { displayWidth } from '../core/width.js';

export { displayWidth };

// C0/C1 controls (ESC included), DEL, and bidirectional overrides that could reorder what the reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One printable line: control characters become a space. */
export const printable = (s: string): string => s.replace(UNSAFE, ' ');

/** Pads on the right to `width` display columns. */
export const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Pads on the left to `width` display columns (for numbers). */
export const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

const ELLIPSIS = '...';

/** Cuts `s` to at most `width` display columns, ending in '...' when cut (ASCII: its width is never ambiguous). */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, width));
  const room = width - ELLIPSIS.length;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const w = displayWidth(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + ELLIPSIS;
}
