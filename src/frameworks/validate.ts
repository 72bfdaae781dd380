// `mamori frameworks validate` and `frameworks copy`: everything a framework file must satisfy beyond its schema
// (rule ids that exist, params the rules declare, CIS Benchmark ids that exist), and an editable copy of a file.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { InputError } from '../core/input-error.js';
import { packagePath } from '../paths.js';
import { listFrameworks, loadFramework, parseFrameworkLocated } from './load.js';
import { CLOUDS, type Framework, ruleRefId } from './model.js';

export interface RuleInfo {
  id: string;
  params?: Readonly<Record<string, number | string | boolean>>;
}

export interface ValidationResult {
  /** The parsed framework, when the file parsed and matched the schema. */
  framework?: Framework;
  /** Errors, each naming the file, the path inside it and its line. */
  errors: InputError[];
  /** Not wrong, but worth a look (an id cited without a name in `references`). */
  warnings: string[];
}

const FRAMEWORK_ID = /^[a-z0-9][a-z0-9._-]*$/;

/** Validates a framework file: schema, unique ids, every rule id known, params declared, CIS Benchmark ids found. */
export function validateFrameworkFile(
  file: string,
  rules: Iterable<RuleInfo>,
  extraDirs: readonly string[] = [],
): ValidationResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { errors: [new InputError(file, undefined, `cannot read: ${code}`)], warnings: [] };
  }
  return validateFrameworkText(text, file, rules, extraDirs);
}

export function validateFrameworkText(
  text: string,
  file: string,
  rules: Iterable<RuleInfo>,
  extraDirs: readonly string[] = [],
): ValidationResult {
  let parsed: ReturnType<typeof parseFrameworkLocated>;
  try {
    parsed = parseFrameworkLocated(text, file);
  } catch (e) {
    if (e instanceof InputError) return { errors: [e], warnings: [] };
    throw e;
  }
  const { framework, at } = parsed;
  const errors: InputError[] = [];
  const warnings: string[] = [];
  const byId = new Map([...rules].map((r) => [r.id, r]));
  framework.requirements.forEach((req, i) => {
    (req.rules ?? []).forEach((ref, j) => {
      const id = ruleRefId(ref);
      const rule = byId.get(id);
      if (!rule) {
        errors.push(
          new InputError(file, at(['requirements', i, 'rules', j]), `unknown rule '${id}' (see: mamori rules list)`),
        );
        return;
      }
      if (typeof ref === 'string' || !ref.params) return;
      for (const [name, value] of Object.entries(ref.params)) {
        const declared = rule.params?.[name];
        const where = at(['requirements', i, 'rules', j, 'params', name]);
        if (declared === undefined) {
          const names = Object.keys(rule.params ?? {});
          errors.push(
            new InputError(
              file,
              where,
              `rule '${id}' has no parameter '${name}' (it has: ${names.length ? names.join(', ') : 'none'})`,
            ),
          );
        } else if (typeof declared !== typeof value) {
          errors.push(
            new InputError(
              file,
              where,
              `rule '${id}' parameter '${name}' is a ${typeof declared}, not a ${typeof value}`,
            ),
          );
        }
      }
    });
  });

  // Guidelines: the benchmarks they cite exist, and so do the recommendation ids.
  for (const cloud of CLOUDS) {
    const benchmarkId = framework.benchmarks?.[cloud];
    if (!benchmarkId) continue;
    let benchmark: Framework | undefined;
    try {
      benchmark = benchmarkId === framework.id ? framework : loadFramework(benchmarkId, extraDirs);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(new InputError(file, at(['benchmarks', cloud]), `unknown framework '${benchmarkId}'`));
      continue;
    }
    const known = new Set(benchmark.requirements.map((r) => r.id));
    framework.requirements.forEach((req, i) => {
      (req.guideline?.implementation[cloud]?.cisBenchmark ?? []).forEach((rec, j) => {
        if (!known.has(rec)) {
          errors.push(
            new InputError(
              file,
              at(['requirements', i, 'guideline', 'implementation', cloud, 'cisBenchmark', j]),
              `'${rec}' is not a requirement of ${benchmarkId}`,
            ),
          );
        }
      });
    });
  }
  const refs = framework.references ?? {};
  const unnamed = new Set<string>();
  for (const req of framework.requirements) {
    const g = req.guideline;
    if (!g) continue;
    const cited = [
      ...(g.attack?.tactics ?? []),
      ...(g.attack?.techniques ?? []),
      ...(g.attack?.mitigations ?? []),
      ...(g.cisControls ?? []).map((c) => `CIS:${c}`),
      ...CLOUDS.flatMap((c) => g.implementation[c]?.wellArchitected ?? []),
    ];
    for (const id of cited) if (!refs[id]) unnamed.add(id);
  }
  if (unnamed.size > 0) {
    warnings.push(
      `${file}: ids cited without a name in 'references' (reports show the bare id): ${[...unnamed].join(', ')}`,
    );
  }
  return { framework, errors, warnings };
}

/**
 * The text of an editable copy of a framework file: the same YAML with its comments, a new id and title, and a
 * `source` that says what it was copied from. `outFile` is where the copy will be written (for the schema comment).
 */
export function copyFrameworkText(
  text: string,
  from: Framework,
  newId: string,
  options: { outFile: string; title?: string; now?: Date; extraDirs?: readonly string[] },
): string {
  if (!FRAMEWORK_ID.test(newId)) {
    throw new InputError(
      `framework id '${newId}'`,
      undefined,
      "use lower case letters, digits, '.', '_' and '-', starting with a letter or digit",
    );
  }
  const taken = listFrameworks(options.extraDirs ?? []).find((f) => f.id === newId);
  if (taken) throw new InputError(`framework id '${newId}'`, undefined, `already used by ${taken.file}`);
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (!isMap(doc.contents)) throw new InputError(options.outFile, undefined, 'the source is not a YAML mapping');
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  doc.set('id', newId);
  doc.setIn(['title', 'en'], options.title ?? `${from.title.en} (custom: ${newId})`);
  doc.setIn(['title', 'ja'], options.title ?? `${from.title.ja}（カスタム: ${newId}）`);
  const before = from.source ? ` Original source: ${from.source}` : '';
  doc.set('source', `Copied from ${from.id} ${from.version} on ${day} with mamori frameworks copy.${before}`);
  const schema = relative(dirname(options.outFile), packagePath('schema', 'framework.v1.schema.json')) || '.';
  const header = [
    `# yaml-language-server: $schema=${schema}`,
    `# Copied from ${from.id} ${from.version} on ${day}. Edit freely, then check it with:`,
    `#   mamori frameworks validate ${basename(options.outFile)}`,
  ];
  const body = doc
    .toString({ lineWidth: 0 })
    .split('\n')
    .filter((l) => !/^#\s*yaml-language-server:/.test(l));
  return [...header, ...body].join('\n');
}
