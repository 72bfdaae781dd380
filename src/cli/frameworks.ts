import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../core/text.js';
import { listFrameworks, loadFramework, locateFramework } from '../frameworks/load.js';
import { frameworkKind, PRIORITY_TEXT, ruleRefId } from '../frameworks/model.js';
import { copyFrameworkText, validateFrameworkFile } from '../frameworks/validate.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { formatColumns } from './columns.js';
import { loadConfig } from './config.js';
import type { Io } from './io.js';
import { defaultLang } from './messages.js';
import { parseLang, UsageError } from './scan.js';

/** --frameworks DIR, else the config file's `frameworks` (mamori.yaml in the working directory, or --config). */
const frameworkDirs = (opts: { frameworks?: string; config?: string }): string[] =>
  opts.frameworks ? [opts.frameworks] : loadConfig(opts.config).frameworks;

export function registerFrameworks(program: Command, io: Io): void {
  const fw = program.command('frameworks').description('compliance frameworks and guidelines');
  fw.command('list')
    .description('list the frameworks (built-in and from --frameworks DIR)')
    .option('--json', 'print JSON')
    .option('--frameworks <dir>', 'also load custom frameworks from this directory')
    .option('--config <file>', 'config file (default: mamori.yaml in the working directory, when present)')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((opts: { json?: boolean; frameworks?: string; config?: string; lang: Lang }) => {
      const list = listFrameworks(frameworkDirs(opts));
      if (opts.json) {
        io.out(JSON.stringify(list, null, 2));
        return;
      }
      io.out(
        formatColumns(
          ['id', 'kind', 'version', 'requirements', 'automated', 'manual', 'title'],
          list.map((f) => [
            f.id,
            f.kind,
            f.version,
            String(f.requirements),
            String(f.automated),
            String(f.manual),
            f.title[opts.lang],
          ]),
        ),
      );
    });
  fw.command('show <id>')
    .description('show a framework: each requirement with its rules or manual guidance')
    .option('--json', 'print the framework as JSON')
    .option('--frameworks <dir>', 'also load custom frameworks from this directory')
    .option('--config <file>', 'config file (default: mamori.yaml in the working directory, when present)')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((id: string, opts: { json?: boolean; frameworks?: string; config?: string; lang: Lang }) => {
      const f = loadFramework(id, frameworkDirs(opts));
      if (opts.json) {
        io.out(JSON.stringify(f, null, 2));
        return;
      }
      io.out(`${f.title[opts.lang]} (${f.id}, ${f.version})\n${f.description[opts.lang]}\n`);
      const guideline = frameworkKind(f) === 'guideline';
      io.out(
        formatColumns(
          ['id', 'title', ...(guideline ? ['priority'] : []), 'rules / manual'],
          f.requirements.map((r) => [
            r.id,
            r.title[opts.lang],
            ...(guideline && r.guideline ? [PRIORITY_TEXT[r.guideline.priority][opts.lang]] : []),
            r.rules?.length ? r.rules.map(ruleRefId).join(', ') : opts.lang === 'ja' ? '手動確認' : 'MANUAL',
          ]),
        ),
      );
    });
  fw.command('copy <id> <new-id>')
    .description('write an editable YAML copy of a framework with a new id and title (then: frameworks validate)')
    .option('--out <file>', 'where to write the copy (default: ./<new-id>.yaml)')
    .option('--title <title>', 'title of the copy (default: the original title marked as custom)')
    .option('--force', 'overwrite the file if it exists')
    .option('--frameworks <dir>', 'also load custom frameworks from this directory')
    .option('--config <file>', 'config file (default: mamori.yaml in the working directory, when present)')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action(
      (
        id: string,
        newId: string,
        opts: { out?: string; title?: string; force?: boolean; frameworks?: string; config?: string; lang: Lang },
      ) => {
        const extra = frameworkDirs(opts);
        const from = locateFramework(id, extra);
        const out = opts.out ?? `${newId}.yaml`;
        if (existsSync(out) && !opts.force) {
          throw new UsageError(
            opts.lang === 'ja'
              ? `${out} は既に存在する（上書きするには --force を付ける）`
              : `${out} exists (add --force to overwrite it)`,
          );
        }
        const text = copyFrameworkText(readFileSync(from.file, 'utf8'), from.framework, newId, {
          outFile: resolve(out),
          extraDirs: extra,
          ...(opts.title ? { title: opts.title } : {}),
        });
        writeFileSync(out, text);
        io.err(
          opts.lang === 'ja'
            ? `${from.framework.id} を ${out} にコピーした。編集したら確認する: mamori frameworks validate ${out}`
            : `Copied ${from.framework.id} to ${out}. After editing it, check it: mamori frameworks validate ${out}`,
        );
      },
    );
  fw.command('validate <file>')
    .description(
      'check a framework file: schema, unique ids, known rule ids and params, CIS Benchmark ids (exit 2 on error)',
    )
    .option('--frameworks <dir>', 'also load custom frameworks from this directory (for benchmarks it cites)')
    .option('--config <file>', 'config file (default: mamori.yaml in the working directory, when present)')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((file: string, opts: { frameworks?: string; config?: string; lang: Lang }) => {
      const result = validateFrameworkFile(file, BUILTIN_RULES, frameworkDirs(opts));
      for (const w of result.warnings) io.err(`${opts.lang === 'ja' ? '警告' : 'warning'}: ${w}`);
      if (result.errors.length > 0 || !result.framework) {
        for (const e of result.errors) io.err(`mamori: ${opts.lang === 'ja' ? 'エラー' : 'error'}: ${e.message}`);
        io.exitCode = 2;
        return;
      }
      const f = result.framework;
      const automated = f.requirements.filter((r) => r.rules?.length).length;
      const manual = f.requirements.length - automated;
      io.out(
        opts.lang === 'ja'
          ? `OK: ${file}: ${f.id}（${frameworkKind(f)}、${f.version}）要件 ${f.requirements.length} 件（自動判定 ${automated}、手動確認 ${manual}）`
          : `OK: ${file}: ${f.id} (${frameworkKind(f)}, ${f.version}), ${f.requirements.length} requirements (${automated} automated, ${manual} manual)`,
      );
    });
}
