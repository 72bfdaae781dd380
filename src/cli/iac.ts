import type { Command } from 'commander';
import type { AnyRule, IacFormat } from '../core/rule.js';
import { runScan } from '../engine/scan.js';
import type { Framework } from '../frameworks/model.js';
import { ruleRefId } from '../frameworks/model.js';
import type { IacProblem } from '../iac/model.js';
import { adaptPaths, suppressionAdjuster } from '../iac/run.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { addExceptionOptions, type ConfigOptions, scanSettings } from './config.js';
import type { Io } from './io.js';
import { msg } from './messages.js';
import {
  addFrameworkOptions,
  addOutputOptions,
  emitOutputs,
  type FrameworkOptions,
  frameworkOf,
  type OutputOptions,
} from './scan.js';

interface IacOptions extends OutputOptions, FrameworkOptions, ConfigOptions {
  varFile: string[];
  var: string[];
  parameter: string[];
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** `name=value` pairs of -var / --parameter. */
const pairs = (list: readonly string[], option: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new Error(`${option} ${item}: use name=value`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
};

/** Rules a template can be judged by (see Rule.iac). */
export const iacRules = (rules: readonly AnyRule[]): AnyRule[] => rules.filter((r) => r.iac !== false);

/** A framework narrowed to what a template can show: its IaC-applicable rules, no per-account manual items. */
function forTemplates(framework: Framework, applicable: ReadonlySet<string>): Framework {
  return {
    ...framework,
    requirements: framework.requirements
      .filter((req) => (req.rules ?? []).some((r) => applicable.has(ruleRefId(r))))
      .map(({ manual: _manual, ...req }) => ({
        ...req,
        rules: (req.rules ?? []).filter((r) => applicable.has(ruleRefId(r))),
      })),
  };
}

const problemLine = (p: IacProblem): string =>
  `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}: ${p.message}`;

/** mamori iac: CloudFormation templates, Terraform configurations and plans judged by the same rules as the cloud. */
export function registerIac(program: Command, io: Io): void {
  const cmd = program
    .command('iac')
    .argument('<paths...>', 'files or directories: CloudFormation (YAML/JSON, SAM, CDK output), Terraform, plan JSON')
    .description('judge CloudFormation templates and Terraform configurations before they are deployed')
    .option('--var-file <file>', 'Terraform variables file (repeatable)', collect, [])
    .option('--var <name=value>', 'Terraform variable (repeatable)', collect, [])
    .option('--parameter <name=value>', 'CloudFormation parameter value (repeatable)', collect, []);
  addExceptionOptions(addFrameworkOptions(addOutputOptions(cmd))).action(async (paths: string[], opts: IacOptions) => {
    const settings = scanSettings(opts);
    const adapted = await adaptPaths(paths, {
      varFiles: opts.varFile,
      vars: pairs(opts.var, '--var'),
      parameters: pairs(opts.parameter, '--parameter'),
    });
    for (const p of adapted.problems) {
      io.err(`${msg(p.level === 'error' ? 'error' : 'warning', opts.lang)}: ${problemLine(p)}`);
    }
    const rules = iacRules(BUILTIN_RULES);
    const known = new Set(BUILTIN_RULES.map((r) => r.id));
    for (const list of adapted.suppressions.values()) {
      for (const s of list) {
        if (!known.has(s.ruleId)) {
          io.err(
            `${msg('warning', opts.lang)}: ${s.file}:${s.line}: ${msg('unknownSuppressedRule', opts.lang, { rule: s.ruleId })}`,
          );
        }
      }
    }
    const framework = frameworkOf(opts, settings.frameworkDirs);
    const inventory = { files: adapted.files, resources: adapted.resources, errors: [], warnings: [] };
    const result = runScan(inventory, rules, {
      ...(framework ? { framework: forTemplates(framework, new Set(rules.map((r) => r.id))) } : {}),
      ...(settings.exceptions ? { exceptions: settings.exceptions, exceptionsNow: settings.now } : {}),
      adjust: suppressionAdjuster(adapted.suppressions),
    });
    const unjudged = [...adapted.unmapped].sort(([a], [b]) => (a < b ? -1 : 1));
    if (unjudged.length > 0) {
      io.err(
        msg('iacUnjudged', opts.lang, {
          count: unjudged.reduce((n, [, c]) => n + c, 0),
          types: unjudged.map(([t, c]) => `${t} (${c})`).join(', '),
        }),
      );
    }
    const code = emitOutputs(result, opts, io);
    // Unreadable input wins over findings: a CI job must not pass on a template that was never judged.
    io.exitCode = adapted.problems.some((p) => p.level === 'error') ? 2 : code;
  });
}

export type { IacFormat };
