// The report formats, by --format name.
import type { Lang } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';
import { asffReporter } from './asff.js';
import { csvReporter } from './csv.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { ocsfReporter } from './ocsf.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { tableReporter } from './table.js';

export type { RenderOptions, Reporter } from './reporter.js';

export const FORMATS = ['table', 'json', 'ocsf', 'asff', 'csv', 'sarif', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Format name → reporter (keyed by string so a --format value can be looked up directly). */
export const REPORTERS: Readonly<Record<string, Reporter>> = Object.freeze({
  table: tableReporter,
  json: jsonReporter,
  ocsf: ocsfReporter,
  asff: asffReporter,
  csv: csvReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  html: htmlReporter,
} satisfies Record<Format, Reporter>);

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

export interface RenderedReport {
  format: string;
  /** mamori.<ext> */
  fileName: string;
  mediaType: string;
  content: string;
}

/** Renders each requested format once (in the order given, duplicates dropped); throws on an unknown format. */
export function renderReports(
  result: ScanResult,
  formats: readonly string[],
  lang: Lang,
  options: RenderOptions = {},
): RenderedReport[] {
  const out: RenderedReport[] = [];
  for (const format of new Set(formats)) {
    const reporter = REPORTERS[format];
    if (!reporter) throw new Error(`unknown report format '${format}' (use ${FORMATS.join(', ')})`);
    out.push({
      format,
      fileName: `mamori.${reporter.ext}`,
      mediaType: reporter.mediaType,
      content: reporter.render(result, lang, options),
    });
  }
  return out;
}
