import type { Lang } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';

/** Presentation choices that are not part of the scan result. */
export interface RenderOptions {
  /** ANSI colour (terminal formats only); off unless asked for. */
  color?: boolean;
  /** Terminal width for the table format (default 100). */
  width?: number;
  /** Directory that IaC file paths are made relative to in SARIF (default: the working directory). */
  baseDir?: string;
}

/** One output format: a pure function of the scan result (reports read findings and rule text, never rule code). */
export interface Reporter {
  /** The --format name. */
  format: string;
  /** File name in --out: mamori.<ext>. */
  ext: string;
  /** Media type of the output, for HTTP downloads. */
  mediaType: string;
  render(result: ScanResult, lang: Lang, options?: RenderOptions): string;
}
