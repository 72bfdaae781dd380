import type { Lang } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';

/** One output format: a pure function of the scan result (reports read findings and rule text, never rule code). */
export interface Reporter {
  /** The --format name. */
  format: string;
  /** File name in --out: mamori.<ext>. */
  ext: string;
  render(result: ScanResult, lang: Lang): string;
}
