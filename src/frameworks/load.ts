import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { InputError } from '../core/input-error.js';
import { packagePath } from '../paths.js';
import { CLOUDS, type Framework, type FrameworkKind, frameworkKind, type RuleRef, ruleRefId } from './model.js';

export const FRAMEWORK_SCHEMA_VERSION = 1;
/** Where the shipped framework files live (src/frameworks/data, also in the npm package). */
export const BUILTIN_FRAMEWORK_DIR = packagePath('src', 'frameworks', 'data');

/** One line of `mamori frameworks`: what a framework file holds. */
export interface FrameworkInfo {
  id: string;
  kind: FrameworkKind;
  title: Framework['title'];
  version: string;
  /** Number of requirements. */
  requirements: number;
  /** Requirements decided by rules. */
  automated: number;
  /** Requirements a person attests to (MANUAL findings). */
  manual: number;
  file: string;
  builtin: boolean;
}

const FRAMEWORK_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

let validator: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(packagePath('schema', 'framework.v1.schema.json'), 'utf8'));
    validator = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  }
  return validator;
}

/** Parsed built-in files, by absolute path; they never change while the process runs. */
const builtinCache = new Map<string, Framework>();

/**
 * Reads one framework file (YAML, or JSON, which is YAML too) and checks it against the schema and the
 * rules the schema cannot express. Every problem is an InputError naming the file, the path inside it and its line.
 */
export function loadFrameworkFile(path: string): Framework {
  const file = resolve(path);
  const cached = builtinCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(path, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const framework = parseFramework(text, path);
  if (isBuiltin(file)) {
    deepFreeze(framework);
    builtinCache.set(file, framework);
  }
  return framework;
}

/** Parses and checks the text of a framework file; `file` is only used in error messages. */
export function parseFramework(text: string, file: string): Framework {
  return parseFrameworkLocated(text, file).framework;
}

/** Where a path inside a framework file is: 'at /requirements/3/id (line 42)'. */
export type Locate = (segments: (string | number)[]) => string;

/** parseFramework, also returning a function that names the line of any path in the file (for later checks). */
export function parseFrameworkLocated(text: string, file: string): { framework: Framework; at: Locate } {
  const { data, at } = parseYamlLocated(text, file);
  const check = schemaValidator();
  if (!check(data)) throw schemaInputError(file, at, check.errors ?? [], 'framework schema v1');
  const framework = data as Framework;
  checkConsistency(framework, file, at);
  return { framework, at };
}

/** YAML (or JSON) text as data, with a function naming the line of a path in it; malformed YAML is an InputError. */
export function parseYamlLocated(text: string, file: string): { data: unknown; at: Locate } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) throw yamlInputError(file, yamlError, lineCounter);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new InputError(file, undefined, `malformed YAML: ${(e as Error).message}`);
  }
  return { data, at: (segments) => where(doc, lineCounter, segments) };
}

/** The most useful of a schema's errors as an InputError with the path and line. */
export function schemaInputError(file: string, at: Locate, errors: ErrorObject[], label: string): InputError {
  const err = pickError(errors);
  const segments = pointerSegments(err.instancePath);
  const extra = err.keyword === 'additionalProperties' ? [String(err.params.additionalProperty)] : [];
  return new InputError(file, at([...segments, ...extra]), `${describeError(err)} [${label}]`);
}

/** What the schema cannot say: unique requirement ids, a rule listed once per requirement, no conflicting params. */
function checkConsistency(framework: Framework, file: string, at: (segments: (string | number)[]) => string): void {
  const seenIds = new Map<string, number>();
  /** Per rule: the params a requirement set, and where, so a second requirement cannot silently change them. */
  const paramsSet = new Map<string, Map<string, { value: number | string | boolean; requirement: string }>>();
  framework.requirements.forEach((req, i) => {
    const first = seenIds.get(req.id);
    if (first !== undefined) {
      throw new InputError(
        file,
        at(['requirements', i, 'id']),
        `requirement id '${req.id}' is used twice (first at /requirements/${first})`,
      );
    }
    seenIds.set(req.id, i);
    const g = req.guideline;
    if (g && req.manual && g.category !== req.manual.category) {
      throw new InputError(
        file,
        at(['requirements', i, 'manual', 'category']),
        `the manual item's category '${req.manual.category}' differs from the guideline item's category '${g.category}'`,
      );
    }
    for (const cloud of CLOUDS) {
      if (g?.implementation[cloud]?.cisBenchmark?.length && !framework.benchmarks?.[cloud]) {
        throw new InputError(
          file,
          at(['requirements', i, 'guideline', 'implementation', cloud, 'cisBenchmark']),
          `CIS Benchmark ids for ${cloud} need 'benchmarks: { ${cloud}: <framework id> }' at the top of the file`,
        );
      }
    }
    const inRequirement = new Set<string>();
    (req.rules ?? []).forEach((ref: RuleRef, j) => {
      const id = ruleRefId(ref);
      if (inRequirement.has(id)) {
        throw new InputError(
          file,
          at(['requirements', i, 'rules', j]),
          `rule '${id}' is listed twice in requirement '${req.id}'`,
        );
      }
      inRequirement.add(id);
      if (typeof ref === 'string' || !ref.params) return;
      const known = paramsSet.get(id) ?? new Map();
      paramsSet.set(id, known);
      for (const [name, value] of Object.entries(ref.params)) {
        const before = known.get(name);
        if (before && before.value !== value) {
          throw new InputError(
            file,
            at(['requirements', i, 'rules', j, 'params', name]),
            `rule '${id}' runs once per scan, but requirement '${req.id}' sets ${name}: ${JSON.stringify(value)} ` +
              `while requirement '${before.requirement}' sets ${name}: ${JSON.stringify(before.value)}`,
          );
        }
        known.set(name, { value, requirement: req.id });
      }
    });
  });
}

/** Shipped frameworks first, then those of `extraDirs` (directories of *.yaml / *.yml / *.json files, or files). */
export function listFrameworks(extraDirs: readonly string[] = []): FrameworkInfo[] {
  return discover(extraDirs).map(({ file, framework, builtin }) => {
    const automated = framework.requirements.filter((r) => (r.rules?.length ?? 0) > 0).length;
    return {
      id: framework.id,
      kind: frameworkKind(framework),
      title: framework.title,
      version: framework.version,
      requirements: framework.requirements.length,
      automated,
      manual: framework.requirements.filter((r) => r.manual).length,
      file,
      builtin,
    };
  });
}

/**
 * A framework by id, from the shipped ones and `extraDirs`. A path to a framework file (ending in .yaml, .yml or
 * .json) is loaded directly. An unknown id gives an InputError that lists the known ids.
 */
export function loadFramework(idOrPath: string, extraDirs: readonly string[] = []): Framework {
  return locateFramework(idOrPath, extraDirs).framework;
}

/** The file a framework id comes from (built-in or from `extraDirs`), with the parsed framework. */
export function locateFramework(
  idOrPath: string,
  extraDirs: readonly string[] = [],
): { file: string; framework: Framework; builtin: boolean } {
  if (FRAMEWORK_EXTENSIONS.has(extname(idOrPath).toLowerCase())) {
    const file = resolve(idOrPath);
    return { file, framework: loadFrameworkFile(file), builtin: isBuiltin(file) };
  }
  const all = discover(extraDirs);
  const found = all.find((f) => f.framework.id === idOrPath);
  if (found) return found;
  const known = all.map((f) => f.framework.id).join(', ');
  throw new InputError(`framework '${idOrPath}'`, undefined, `unknown framework id; known ids: ${known}`);
}

/** What a framework refers to that does not exist: rule ids unknown to the given rule set, with the requirements. */
export interface FrameworkCoverage {
  /** Every rule id the framework references, sorted. */
  referenced: string[];
  /** Referenced rule ids that are not among `ruleIds`, each with the requirement ids that reference it. */
  unknown: Array<{ ruleId: string; requirements: string[] }>;
}

export function frameworkCoverage(framework: Framework, ruleIds: Iterable<string>): FrameworkCoverage {
  const known = new Set(ruleIds);
  const byRule = new Map<string, string[]>();
  for (const req of framework.requirements) {
    for (const ref of req.rules ?? []) {
      const id = ruleRefId(ref);
      const reqs = byRule.get(id) ?? [];
      reqs.push(req.id);
      byRule.set(id, reqs);
    }
  }
  const referenced = [...byRule.keys()].sort();
  return {
    referenced,
    unknown: referenced
      .filter((id) => !known.has(id))
      .map((ruleId) => ({ ruleId, requirements: byRule.get(ruleId) ?? [] })),
  };
}

/**
 * Params a framework passes that the rule does not declare, or of another type than the rule's default:
 * such a typo would silently leave the default threshold in force. Rules not in `rules` are skipped
 * (frameworkCoverage reports those).
 */
export function frameworkParamIssues(
  framework: Framework,
  rules: Iterable<{ id: string; params?: Readonly<Record<string, number | string | boolean>> }>,
): string[] {
  const byId = new Map([...rules].map((r) => [r.id, r]));
  const issues: string[] = [];
  for (const req of framework.requirements) {
    for (const ref of req.rules ?? []) {
      if (typeof ref === 'string' || !ref.params) continue;
      const rule = byId.get(ref.id);
      if (!rule) continue;
      for (const [name, value] of Object.entries(ref.params)) {
        const declared = rule.params?.[name];
        if (declared === undefined) {
          const names = Object.keys(rule.params ?? {});
          issues.push(
            `${framework.id} ${req.id}: rule ${ref.id} has no parameter '${name}' (it has: ${names.length ? names.join(', ') : 'none'})`,
          );
        } else if (typeof declared !== typeof value) {
          issues.push(
            `${framework.id} ${req.id}: rule ${ref.id} parameter '${name}' is a ${typeof declared}, not a ${typeof value}`,
          );
        }
      }
    }
  }
  return issues;
}

interface Discovered {
  file: string;
  framework: Framework;
  builtin: boolean;
}

function discover(extraDirs: readonly string[]): Discovered[] {
  const out: Discovered[] = [];
  const seen = new Map<string, string>();
  const add = (file: string, builtin: boolean) => {
    const framework = loadFrameworkFile(file);
    const other = seen.get(framework.id);
    if (other !== undefined) {
      throw new InputError(
        file,
        'id',
        `framework id '${framework.id}' is already defined in ${other}; give this file its own id`,
      );
    }
    seen.set(framework.id, file);
    out.push({ file, framework, builtin });
  };
  for (const file of frameworkFiles(BUILTIN_FRAMEWORK_DIR)) add(file, true);
  for (const dir of extraDirs) {
    let isDir: boolean;
    try {
      isDir = statSync(dir).isDirectory();
    } catch (e) {
      throw new InputError(dir, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (isDir) for (const file of frameworkFiles(dir)) add(file, false);
    else add(dir, false);
  }
  return out;
}

function frameworkFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => FRAMEWORK_EXTENSIONS.has(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
}

const isBuiltin = (file: string): boolean => file.startsWith(`${resolve(BUILTIN_FRAMEWORK_DIR)}/`);

function yamlInputError(file: string, err: YAMLError, lineCounter: LineCounter): InputError {
  const pos = err.linePos?.[0] ?? (err.pos ? lineCounter.linePos(err.pos[0]) : undefined);
  const message = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.code;
  return new InputError(
    file,
    pos ? `line ${pos.line}, column ${pos.col}` : undefined,
    `malformed YAML: ${message} (${err.code})`,
  );
}

/** '/requirements/3/id (line 42)', or as much of it as can be found; a map entry's line is its key's line. */
function where(doc: Document, lineCounter: LineCounter, segments: (string | number)[]): string {
  const pointer = segments.length ? `/${segments.join('/')}` : '/';
  for (let n = segments.length; n >= 0; n--) {
    const offset = nodeOffset(doc, segments.slice(0, n));
    if (offset !== undefined) return `at ${pointer} (line ${lineCounter.linePos(offset).line})`;
  }
  return `at ${pointer}`;
}

function nodeOffset(doc: Document, segments: (string | number)[]): number | undefined {
  if (segments.length === 0) return doc.contents?.range?.[0];
  const parent = segments.length === 1 ? doc.contents : doc.getIn(segments.slice(0, -1), true);
  const last = segments[segments.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    return isNode(item) ? item.range?.[0] : undefined;
  }
  return undefined;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Keywords whose error says most about what to fix, first; wrappers (if/then/else) last. */
const KEYWORD_RANK = ['additionalProperties', 'type', 'enum', 'pattern', 'required', 'not'];
const rank = (e: ErrorObject): number => {
  const i = KEYWORD_RANK.indexOf(e.keyword);
  return e.keyword === 'if' ? 99 : i === -1 ? KEYWORD_RANK.length : i;
};

/** The most useful of all errors: the deepest in the document, then by keyword rank, then the first. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => (e.instancePath === '' ? 0 : e.instancePath.split('/').length);
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => depth(b.e) - depth(a.e) || rank(a.e) - rank(b.e) || a.i - b.i);
  return sorted[0]?.e ?? ({ instancePath: '', keyword: 'schema', params: {}, schemaPath: '' } as ErrorObject);
}

function describeError(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      if (p.missingProperty === 'guideline')
        return "every requirement of a 'kind: guideline' file needs a 'guideline' object (body, rationale, priority, tier, category, implementation)";
      if (p.missingProperty === 'rules') return "a requirement needs either 'rules' (with a 'rationale') or 'manual'";
      return `missing property '${String(p.missingProperty)}'`;
    case 'additionalProperties': {
      const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `unknown property '${String(p.additionalProperty)}'${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`;
    }
    case 'not':
      if (err.schemaPath.startsWith('#/else/'))
        return "'guideline' is only allowed in a file with 'kind: guideline' at the top";
      return "a requirement has either 'rules' (with a 'rationale') or 'manual', not both";
    case 'type':
      return `must be ${Array.isArray(p.type) ? p.type.join(' or ') : String(p.type)}, not ${describeValue(err.data)}`;
    case 'enum':
      return `must be one of: ${((p.allowedValues as unknown[]) ?? []).join(', ')} (got ${describeValue(err.data)})`;
    case 'pattern':
      if (String(p.pattern).startsWith('^[0-9]{4}-'))
        return `${JSON.stringify(err.data)} must be a date written YYYY-MM-DD`;
      return `${JSON.stringify(err.data)} must match ${String(p.pattern)}`;
    default:
      return err.message ?? 'does not match the framework schema';
  }
}

const describeValue = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : `${typeof v} ${JSON.stringify(v)}`;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
