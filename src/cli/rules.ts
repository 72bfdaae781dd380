import type { Command } from 'commander';
import { CATEGORY_TEXT } from '../core/category.js';
import type { Lang } from '../core/text.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { formatColumns } from './columns.js';
import type { Io } from './io.js';
import { defaultLang } from './messages.js';
import { parseLang } from './scan.js';

export function registerRules(program: Command, io: Io): void {
  const rules = program.command('rules').description('the built-in rules');
  rules
    .command('list')
    .description('list every rule (id, severity, category, resource type, title)')
    .option('--json', 'print a JSON array')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((opts: { json?: boolean; lang: Lang }) => {
      if (opts.json) {
        io.out(
          JSON.stringify(
            BUILTIN_RULES.map((r) => ({
              id: r.id,
              title: r.text.title,
              severity: r.severity,
              category: r.category,
              resourceType: r.resourceType,
              description: r.text.description,
              params: r.params ?? {},
            })),
            null,
            2,
          ),
        );
        return;
      }
      io.out(
        formatColumns(
          ['id', 'severity', 'category', 'resource type', 'title'],
          BUILTIN_RULES.map((r) => [
            r.id,
            r.severity,
            CATEGORY_TEXT[r.category][opts.lang],
            r.resourceType,
            r.text.title[opts.lang],
          ]),
        ),
      );
      io.out(`${BUILTIN_RULES.length} rules`);
    });
}
