// `pdf`: the HTML page printed by Chromium (Debian's /usr/bin/chromium, headless) through playwright-core.
// When Chromium or playwright-core is missing, the caller gets a reason to print and writes the other formats.
import { existsSync } from 'node:fs';
import type { Lang } from '../../core/text.js';
import type { ComplianceReport } from './build.js';
import { renderComplianceHtml } from './html.js';
import { word } from './text.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Where Chromium is: MAMORI_CHROMIUM, else Debian's path. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.MAMORI_CHROMIUM || DEFAULT_CHROMIUM;

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; message: string };

interface Browser {
  newPage(): Promise<{
    setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
    pdf(options: Record<string, unknown>): Promise<Buffer>;
  }>;
  close(): Promise<void>;
}

/** Prints the report's HTML (every section open) to an A4 PDF; landscape for a guideline's wide table. */
export async function renderCompliancePdf(
  report: ComplianceReport,
  lang: Lang,
  options: { chromium?: string } = {},
): Promise<PdfResult> {
  const path = options.chromium ?? chromiumPath();
  if (!existsSync(path)) return { ok: false, message: word('pdfNoChromium', lang, { path }) };
  let chromium: { launch(o: Record<string, unknown>): Promise<Browser> };
  try {
    ({ chromium } = (await import('playwright-core')) as unknown as { chromium: typeof chromium });
  } catch (e) {
    return { ok: false, message: word('pdfNoPlaywright', lang, { error: (e as Error).message.split('\n')[0] ?? '' }) };
  }
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: path,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
      timeout: 60_000,
    });
    const page = await browser.newPage();
    await page.setContent(renderComplianceHtml(report, lang, { print: true }), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: report.framework.kind === 'guideline',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
    return { ok: true, pdf };
  } catch (e) {
    return { ok: false, message: word('pdfFailed', lang, { error: (e as Error).message.split('\n')[0] ?? '' }) };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
