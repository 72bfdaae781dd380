import type { Command } from 'commander';
import { CATEGORY_TEXT } from '../core/category.js';
import type { AnyRule } from '../core/rule.js';
import type { Lang } from '../core/text.js';
import { TEMPLATE_ONLY_TYPES } from '../inventory/types.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { formatColumns } from './columns.js';
import type { Io } from './io.js';
import { defaultLang } from './messages.js';
import { parseLang } from './scan.js';

/** What a rule judges: the live cloud (when its type is collected), CloudFormation, Terraform. */
export function ruleSources(rule: AnyRule): Array<'live' | 'cloudformation' | 'terraform'> {
  const out: Array<'live' | 'cloudformation' | 'terraform'> = [];
  if (!TEMPLATE_ONLY_TYPES.has(rule.resourceType as never)) out.push('live');
  if (rule.iac !== false) out.push(...(rule.iac ?? (['cloudformation', 'terraform'] as const)));
  return out;
}

const SHORT = { live: 'live', cloudformation: 'cfn', terraform: 'tf' } as const;

export function registerRules(program: Command, io: Io): void {
  const rules = program.command('rules').description('the built-in rules');
  rules
    .command('list')
    .description('list every rule (id, severity, category, resource type, what it judges, FSBP controls, title)')
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
              judges: ruleSources(r),
              fsbp: r.fsbp ?? [],
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
          ['id', 'severity', 'category', 'resource type', 'judges', 'fsbp', 'title'],
          BUILTIN_RULES.map((r) => [
            r.id,
            r.severity,
            CATEGORY_TEXT[r.category][opts.lang],
            r.resourceType,
            ruleSources(r)
              .map((x) => SHORT[x])
              .join(','),
            (r.fsbp ?? []).join(','),
            r.text.title[opts.lang],
          ]),
        ),
      );
      const count = (x: 'live' | 'cloudformation' | 'terraform') =>
        BUILTIN_RULES.filter((r) => ruleSources(r).includes(x)).length;
      io.out(
        `${BUILTIN_RULES.length} rules: live ${count('live')}, CloudFormation ${count('cloudformation')}, Terraform ${count('terraform')}`,
      );
    });
}
