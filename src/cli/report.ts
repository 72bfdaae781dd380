// `mamori report`: one-click compliance reports for a framework or guideline (html, csv, json, pdf), per requirement
// and account, with MANUAL items answered by attestation files. Files: <out>/report-<framework>.<ext>.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Lang } from '../core/text.js';
import { runScan } from '../engine/scan.js';
import { checkAttestations, emptyAttestations, loadAttestations } from '../frameworks/attestations.js';
import { loadFramework } from '../frameworks/load.js';
import type { Framework } from '../frameworks/model.js';
import { statusLabel } from '../i18n/index.js';
import { streamSnapshot } from '../inventory/snapshot.js';
import {
  buildComplianceReport,
  COMPLIANCE_FORMATS,
  type ComplianceFormat,
  type ComplianceReport,
  complianceFileName,
  renderComplianceCsv,
  renderComplianceHtml,
  renderComplianceJson,
  renderCompliancePdf,
} from '../report/compliance/index.js';
import { word } from '../report/compliance/text.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { addExceptionOptions, scanSettings } from './config.js';
import type { Io } from './io.js';
import { defaultLang, msg } from './messages.js';
import { parseLang, UsageError } from './scan.js';
import { writeOutputsAtomically } from './write-outputs.js';

/** Exit code when a requested format (PDF without Chromium) could not be written; the others were. */
export const EXIT_FORMAT_MISSING = 4;

const parseComplianceFormats = (v: string): ComplianceFormat[] => {
  const formats = v
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(COMPLIANCE_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new InvalidArgumentError(`unknown format ${unknown.join(', ')}; use ${COMPLIANCE_FORMATS.join(', ')}`);
  }
  return [...new Set(formats)] as ComplianceFormat[];
};
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export interface ReportOptions {
  framework?: string;
  from?: string;
  format: ComplianceFormat[];
  out: string;
  lang: Lang;
  frameworks?: string;
  attestations?: string[];
  exceptions?: string;
  config?: string;
  now?: Date;
}

export function registerReport(program: Command, io: Io): Command {
  const cmd = program
    .command('report')
    .description('compliance report for one framework or guideline: html, csv, json, pdf (report-<framework>.<ext>)')
    .option('--framework <id>', 'framework or guideline id (see: mamori frameworks list), or a framework file')
    .option('--from <path>', 'snapshot file or directory, e.g. examples/demo-org')
    .option('--format <list>', `comma list of: ${COMPLIANCE_FORMATS.join(', ')}`, parseComplianceFormats, ['html'])
    .option('--out <dir>', 'directory for report-<framework>.<ext>', '.')
    .option('--lang <lang>', 'language of the report: en or ja', parseLang, defaultLang())
    .option('--frameworks <dir>', 'also load custom frameworks from this directory')
    .option('--attestations <path>', 'attestation file or directory answering manual items (repeatable)', collect);
  // --exceptions, --config (mamori.yaml: exceptions, frameworks) and the hidden --now, as scan has them.
  return addExceptionOptions(cmd).action(async (opts: ReportOptions) => {
    io.exitCode = await runReport(opts, io);
  });
}

export async function runReport(opts: ReportOptions, io: Io): Promise<number> {
  const lang = opts.lang;
  if (!opts.framework) throw new UsageError('report needs --framework <id> (see: mamori frameworks list)');
  if (!opts.from) throw new UsageError('report needs --from <snapshot>');
  const settings = scanSettings(opts);
  const extra = settings.frameworkDirs;
  const framework = loadFramework(opts.framework, extra);
  const attestations = opts.attestations?.length ? loadAttestations(opts.attestations) : emptyAttestations();
  checkAttestations(framework, attestations);
  const exceptions = settings.exceptions;
  const result = runScan(streamSnapshot(opts.from), BUILTIN_RULES, {
    framework,
    ...(exceptions ? { exceptions, exceptionsNow: settings.now } : {}),
  });
  for (const w of result.warnings) io.err(`${msg('warning', lang)}: ${w}`);
  const resolveFramework = (id: string): Framework | undefined => {
    try {
      return loadFramework(id, extra);
    } catch {
      return undefined;
    }
  };
  const report = buildComplianceReport(result, framework, { attestations, resolveFramework });

  const files: Array<{ name: string; content: string }> = [];
  for (const format of opts.format) {
    if (format === 'pdf') continue;
    const content =
      format === 'html'
        ? renderComplianceHtml(report, lang)
        : format === 'csv'
          ? renderComplianceCsv(report, lang)
          : renderComplianceJson(report);
    files.push({ name: complianceFileName(framework.id, format), content });
  }
  const written = files.length > 0 ? writeOutputsAtomically(opts.out, files) : [];
  let code = 0;
  if (opts.format.includes('pdf')) {
    const pdf = await renderCompliancePdf(report, lang);
    if (pdf.ok) {
      const final = join(opts.out, complianceFileName(framework.id, 'pdf'));
      const tmp = join(opts.out, `.${complianceFileName(framework.id, 'pdf')}.${process.pid}.tmp`);
      try {
        mkdirSync(opts.out, { recursive: true });
        writeFileSync(tmp, pdf.pdf);
        renameSync(tmp, final);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
      written.push(final);
    } else {
      io.err(`mamori: ${msg('warning', lang)}: ${pdf.message}`);
      code = EXIT_FORMAT_MISSING;
    }
  }
  io.out(summaryText(report, lang));
  for (const path of written) io.err(msg('wrote', lang, { path }));
  return code;
}

/** A few lines for the terminal: the framework, score, coverage and requirements by status. */
function summaryText(report: ComplianceReport, lang: Lang): string {
  const o = report.overall;
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
  const statuses = (['FAIL', 'ERROR', 'MANUAL', 'EXCEPTED', 'PASS', 'N/A'] as const)
    .map((s) => `${statusLabel(s, lang)} ${o.byStatus[s]}`)
    .join('  ');
  return [
    `${report.framework.title[lang].includes(report.framework.version) ? report.framework.title[lang] : `${report.framework.title[lang]} ${report.framework.version}`} (${report.framework.id})`,
    `${word('score', lang)}: ${pct(o.score)}  ${word('coverage', lang)}: ${pct(o.coverage)}  ${word('accounts', lang)}: ${report.accounts.length}`,
    `${word('requirements', lang)} ${o.requirements}: ${statuses}`,
  ].join('\n');
}
