import type { Command } from 'commander';
import type { Lang } from '../core/text.js';
import { listFrameworks, loadFramework } from '../frameworks/load.js';
import { ruleRefId } from '../frameworks/model.js';
import { formatColumns } from './columns.js';
import type { Io } from './io.js';
import { defaultLang } from './messages.js';
import { parseLang } from './scan.js';

export function registerFrameworks(program: Command, io: Io): void {
  const fw = program.command('frameworks').description('compliance frameworks and guidelines');
  fw.command('list')
    .description('list the frameworks (built-in and from --frameworks DIR)')
    .option('--json', 'print JSON')
    .option('--frameworks <dir>', 'also load custom frameworks from this directory')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((opts: { json?: boolean; frameworks?: string; lang: Lang }) => {
      const list = listFrameworks(opts.frameworks ? [opts.frameworks] : []);
      if (opts.json) {
        io.out(JSON.stringify(list, null, 2));
        return;
      }
      io.out(
        formatColumns(
          ['id', 'version', 'requirements', 'automated', 'manual', 'title'],
          list.map((f) => [
            f.id,
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
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((id: string, opts: { json?: boolean; frameworks?: string; lang: Lang }) => {
      const f = loadFramework(id, opts.frameworks ? [opts.frameworks] : []);
      if (opts.json) {
        io.out(JSON.stringify(f, null, 2));
        return;
      }
      io.out(`${f.title[opts.lang]} (${f.id}, ${f.version})\n${f.description[opts.lang]}\n`);
      io.out(
        formatColumns(
          ['id', 'title', 'rules / manual'],
          f.requirements.map((r) => [
            r.id,
            r.title[opts.lang],
            r.rules?.length ? r.rules.map(ruleRefId).join(', ') : opts.lang === 'ja' ? '手動確認' : 'MANUAL',
          ]),
        ),
      );
    });
}
