import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isSeverity, type Severity, severityRank } from '../core/severity.js';
import type { Lang } from '../core/text.js';
import { runScan } from '../engine/scan.js';
import { loadFramework } from '../frameworks/load.js';
import { streamSnapshot } from '../inventory/snapshot.js';
import { REPORTERS } from '../report/index.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { addExceptionOptions, type ConfigOptions, scanSettings } from './config.js';
import type { Io } from './io.js';
import { defaultLang, msg } from './messages.js';
import { progressBar } from './progress.js';
import { writeOutputsAtomically } from './write-outputs.js';

export interface OutputOptions {
  lang: Lang;
  format: string[];
  out?: string;
  failOn?: Severity;
}

export const parseLang = (v: string): Lang => {
  if (v !== 'en' && v !== 'ja') throw new InvalidArgumentError('use en or ja');
  return v;
};
export const parseFormats = (v: string): string[] => {
  const formats = v
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(f in REPORTERS));
  if (unknown.length > 0 || formats.length === 0) {
    throw new InvalidArgumentError(`unknown format ${unknown.join(', ')}; use ${Object.keys(REPORTERS).join(', ')}`);
  }
  return formats;
};
export const parseSeverity = (v: string): Severity => {
  if (!isSeverity(v)) throw new InvalidArgumentError('use critical, high, medium, low or info');
  return v;
};

/** Options shared by every command that produces findings (scan, and later iac / scan aws). */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--lang <lang>', 'language of reports and messages: en or ja', parseLang, defaultLang())
    .option('--format <list>', `comma list of: ${Object.keys(REPORTERS).join(', ')}`, parseFormats, ['table'])
    .option('--out <dir>', 'write one file per format into DIR (mamori.<ext>)')
    .option('--fail-on <severity>', 'exit 1 when a FAIL finding has this severity or worse', parseSeverity);
}

export function registerScan(program: Command, io: Io): Command {
  const scan = program
    .command('scan')
    .enablePositionalOptions()
    .description('evaluate the rules on an inventory snapshot (--from), or on a live AWS account (scan aws)')
    .option('--from <path>', 'snapshot file or directory, e.g. examples/demo-org');
  addExceptionOptions(addFrameworkOptions(addOutputOptions(scan))).action(
    (opts: OutputOptions & FrameworkOptions & ConfigOptions & { from?: string }) => {
      if (!opts.from) throw new UsageError('scan needs --from <snapshot> (or use: mamori scan aws)');
      const settings = scanSettings(opts);
      const framework = frameworkOf(opts, settings.frameworkDirs);
      const inventory = streamSnapshot(opts.from);
      // Progress by bytes read, shown on a terminal for inventories of some size.
      const total = inventory.sizes.reduce((a, b) => a + b, 0);
      const bar = progressBar(msg('evaluating', opts.lang), total, 8 * 1024 * 1024);
      let done = 0;
      // Each part is judged as of its own generatedAt: a snapshot is evidence of one moment.
      const result = runScan(inventory, BUILTIN_RULES, {
        ...(framework ? { framework } : {}),
        ...(settings.exceptions ? { exceptions: settings.exceptions, exceptionsNow: settings.now } : {}),
        onPart: (i) => {
          done += inventory.sizes[i] ?? 0;
          bar(done);
        },
      });
      bar.stop();
      for (const w of result.warnings) io.err(`${msg('warning', opts.lang)}: ${w}`);
      io.exitCode = emitOutputs(result, opts, io);
    },
  );
  return scan;
}

export interface FrameworkOptions {
  framework?: string;
  frameworks?: string;
}

export const addFrameworkOptions = (cmd: Command): Command =>
  cmd
    .option('--framework <id>', 'evaluate only the rules of this framework and list its manual items')
    .option('--frameworks <dir>', 'also load custom frameworks from this directory');

/** The --framework chosen, looked up in the shipped ones and `dirs` (default: --frameworks DIR). */
export const frameworkOf = (opts: FrameworkOptions, dirs: string[] = opts.frameworks ? [opts.frameworks] : []) =>
  opts.framework ? loadFramework(opts.framework, dirs) : undefined;

/** Renders the requested formats to stdout or --out and returns the exit code. */
export function emitOutputs(result: ReturnType<typeof runScan>, opts: OutputOptions, io: Io): number {
  const formats = opts.format;
  if (opts.out) {
    const files = formats
      .filter((f) => f !== 'table')
      .map((f) => ({
        name: `mamori.${REPORTERS[f]!.ext}`,
        content: REPORTERS[f]!.render(result, opts.lang, { color: false }),
      }));
    for (const path of writeOutputsAtomically(opts.out, files)) io.err(msg('wrote', opts.lang, { path }));
    if (formats.includes('table')) io.out(REPORTERS.table!.render(result, opts.lang, { color: io.color }));
  } else {
    const nonTable = formats.filter((f) => f !== 'table');
    if (nonTable.length > 1) throw new UsageError(msg('manyFormatsNeedOut', opts.lang));
    for (const f of formats) io.out(REPORTERS[f]!.render(result, opts.lang, { color: f === 'table' && io.color }));
  }
  if (opts.failOn) {
    const threshold = severityRank(opts.failOn);
    const count = result.findings.filter((f) => f.status === 'FAIL' && severityRank(f.severity) >= threshold).length;
    if (count > 0) {
      io.err(msg('failOn', opts.lang, { count, severity: opts.failOn }));
      return 1;
    }
  }
  return 0;
}

/** A usage mistake found after parsing: exit 2 like a parse error. */
export class UsageError extends Error {
  override name = 'UsageError';
}
