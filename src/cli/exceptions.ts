// mamori exceptions list | add | expire: read and edit the exceptions file (comments and layout are kept).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Lang, Text } from '../core/text.js';
import { exceptionState } from '../exceptions/apply.js';
import { isIsoDay, isoDay } from '../exceptions/clock.js';
import { addException, expireException } from '../exceptions/edit.js';
import { loadExceptions } from '../exceptions/load.js';
import { EXCEPTION_KINDS, type ExceptionKind, type ExceptionScope, scopeText } from '../exceptions/model.js';
import { MESSAGES } from '../i18n/index.js';
import { formatColumns } from './columns.js';
import { addConfigOption, type ConfigOptions, loadConfig } from './config.js';
import type { Io } from './io.js';
import { defaultLang } from './messages.js';
import { parseLang, UsageError } from './scan.js';

/** The file used when neither --file nor the config file names one. */
export const DEFAULT_EXCEPTIONS_FILE = 'exceptions.yaml';

export const EXC_MSG = {
  added: { en: 'Added {id} to {file}', ja: '{file} に {id} を追加した' },
  expired: { en: '{id} now expires on {date} ({file})', ja: '{id} の有効期限を {date} にした（{file}）' },
  noFile: {
    en: 'no exceptions file: {file} (add one with: mamori exceptions add …)',
    ja: '例外ファイルがない: {file}（mamori exceptions add … で作成できる）',
  },
  empty: { en: 'No exceptions in {file}.', ja: '{file} に例外はない。' },
  needsScope: {
    en: 'an exception needs --rule or --resource (or both)',
    ja: '例外には --rule か --resource（または両方）が必要',
  },
  needsExpires: {
    en: 'an alternative-control exception needs --expires YYYY-MM-DD',
    ja: '代替策（alternative-control）の例外には --expires YYYY-MM-DD が必要',
  },
  badDate: { en: "'{value}' is not a date YYYY-MM-DD", ja: "'{value}' は YYYY-MM-DD 形式の日付ではない" },
  pastExpiry: {
    en: 'expires {date} is already past (today is {today} UTC)',
    ja: '有効期限 {date} は既に過ぎている（今日は UTC で {today}）',
  },
  id: { en: 'id', ja: 'ID' },
} satisfies Record<string, Text>;

export function excMsg(key: keyof typeof EXC_MSG, lang: Lang, vars: Record<string, string | number> = {}): string {
  return EXC_MSG[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const parseKind = (v: string): ExceptionKind => {
  if (!(EXCEPTION_KINDS as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(`use ${EXCEPTION_KINDS.join(' or ')}`);
  }
  return v as ExceptionKind;
};
const parseDay = (v: string): string => {
  if (!isIsoDay(v)) throw new InvalidArgumentError('use a date YYYY-MM-DD');
  return v;
};
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];
const collectTag = (v: string, prev: Record<string, string> = {}): Record<string, string> => {
  const i = v.indexOf('=');
  if (i <= 0) throw new InvalidArgumentError('use key=value');
  return { ...prev, [v.slice(0, i)]: v.slice(i + 1) };
};

interface FileOptions extends ConfigOptions {
  file?: string;
  lang: Lang;
}

/** --file, else the config file's `exceptions`, else exceptions.yaml in the working directory. */
const fileOf = (opts: FileOptions): string =>
  opts.file ?? loadConfig(opts.config).exceptions ?? DEFAULT_EXCEPTIONS_FILE;

const withFile = (cmd: Command): Command =>
  addConfigOption(
    cmd
      .option('--file <file>', `exceptions file (default: the config file's, else ${DEFAULT_EXCEPTIONS_FILE})`)
      .option('--lang <lang>', 'en or ja', parseLang, defaultLang()),
  );

export function registerExceptions(program: Command, io: Io): void {
  const exc = program
    .command('exceptions')
    .description('list, add and expire exceptions (代替策 alternative control / 対象外 not applicable)');

  withFile(
    exc
      .command('list')
      .description('list the exceptions with their state (active, expires-soon, expired)')
      .option('--json', 'print JSON'),
  ).action((opts: FileOptions & { json?: boolean }) => {
    const file = fileOf(opts);
    if (!existsSync(file)) throw new UsageError(excMsg('noFile', opts.lang, { file }));
    const exceptions = loadExceptions(file);
    const today = isoDay(opts.now ?? new Date());
    const rows = exceptions.entries.map((e) => ({ ...e, state: exceptionState(e, today) }));
    if (opts.json) {
      io.out(JSON.stringify({ file, date: today, exceptions: rows }, null, 2));
      return;
    }
    if (rows.length === 0) {
      io.out(excMsg('empty', opts.lang, { file }));
      return;
    }
    const m = MESSAGES[opts.lang];
    io.out(
      formatColumns(
        [
          excMsg('id', opts.lang),
          m['exceptions.kind'],
          m['exceptions.scope'],
          m.reason,
          m.approver,
          m.expires,
          m['exceptions.state'],
        ],
        rows.map((e) => [
          e.id,
          m[`exception.${e.kind}`],
          scopeText(e.scope),
          e.reason.replace(/\s+/g, ' '),
          e.approver ?? '',
          e.expires ?? '',
          m[`exceptions.state.${e.state}`],
        ]),
      ),
    );
  });

  withFile(
    exc
      .command('add')
      .description('append an exception to the file (created when missing) and print its id')
      .option('--rule <pattern>', 'rule id or glob (repeatable)', collect)
      .option('--account <id>', 'account id or glob (repeatable)', collect)
      .option('--region <name>', 'region or glob (repeatable)', collect)
      .option('--resource <pattern>', 'resource uid (ARN) or glob (repeatable)', collect)
      .option('--tag <key=value>', 'resource tag; the value may be a glob (repeatable)', collectTag)
      .requiredOption('--kind <kind>', 'alternative-control (代替策) or not-applicable (対象外)', parseKind)
      .requiredOption('--reason <text>', 'why the finding is accepted')
      .requiredOption('--approver <name>', 'who approved it')
      .option('--expires <date>', 'last day it applies, YYYY-MM-DD (required for alternative-control)', parseDay)
      .option('--ticket <ref>', 'ticket or review reference')
      .option('--id <id>', 'id to use (default: the next EXC-nnnn)'),
  ).action(
    (
      opts: FileOptions & {
        rule?: string[];
        account?: string[];
        region?: string[];
        resource?: string[];
        tag?: Record<string, string>;
        kind: ExceptionKind;
        reason: string;
        approver: string;
        expires?: string;
        ticket?: string;
        id?: string;
      },
    ) => {
      if (!opts.rule && !opts.resource) throw new UsageError(excMsg('needsScope', opts.lang));
      if (opts.kind === 'alternative-control' && !opts.expires) throw new UsageError(excMsg('needsExpires', opts.lang));
      const today = isoDay(opts.now ?? new Date());
      if (opts.expires && opts.expires < today) {
        throw new UsageError(excMsg('pastExpiry', opts.lang, { date: opts.expires, today }));
      }
      const one = (v: string[] | undefined) => (v === undefined ? undefined : v.length === 1 ? v[0]! : v);
      const scope: ExceptionScope = {};
      for (const key of ['rule', 'account', 'region', 'resource'] as const) {
        const v = one(opts[key]);
        if (v !== undefined) scope[key] = v;
      }
      if (opts.tag) scope.tags = opts.tag;
      const file = fileOf(opts);
      const added = addException(file, {
        ...(opts.id !== undefined ? { id: opts.id } : {}),
        kind: opts.kind,
        scope,
        reason: opts.reason,
        approver: opts.approver,
        created: today,
        ...(opts.expires !== undefined ? { expires: opts.expires } : {}),
        ...(opts.ticket !== undefined ? { ticket: opts.ticket } : {}),
      });
      io.out(added.id);
      io.err(excMsg('added', opts.lang, { id: added.id, file }));
    },
  );

  withFile(
    exc
      .command('expire <id>')
      .description('end an exception: set its expiry to today (or --date); it stops applying the day after')
      .option('--date <date>', 'expiry date YYYY-MM-DD (default: today, UTC)', parseDay),
  ).action((id: string, opts: FileOptions & { date?: string }) => {
    const file = fileOf(opts);
    if (!existsSync(file)) throw new UsageError(excMsg('noFile', opts.lang, { file }));
    const date = opts.date ?? isoDay(opts.now ?? new Date());
    expireException(file, id, date);
    io.out(excMsg('expired', opts.lang, { id, date, file }));
  });
}
