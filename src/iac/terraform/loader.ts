import { parse as parseHcl } from '@cdktf/hcl2json';
import { type ParseError as JsonParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import type { IacBlock, IacDocument, IacIo, IacProblem, Suppression } from '../model.js';
import {
  applySteps,
  type Ctx,
  compileExpr,
  type Env,
  ev,
  evalJson,
  iterate,
  traversalText,
  withVars,
} from './evaluate.js';
import type { Expr, Step } from './expr.js';
import { LexError } from './lexer.js';
import { policyDocument } from './policy-document.js';
import { type ScanAttr, type ScanBlock, type ScanBody, type ScanFile, scanFile } from './scan.js';
import { ExprError, isObj, type Obj, RefV, SETS, toJson, Unk, UnknownSignal } from './values.js';

export interface LoadOptions {
  varFiles?: readonly string[];
  vars?: Readonly<Record<string, string>>;
}

/** Deepest chain of local module calls followed. */
const MAX_DEPTH = 10;

/** Meta-arguments of a resource block: not resource attributes. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

interface ParsedFile {
  path: string;
  text: string;
  json: Obj;
  scan?: ScanFile;
  /** Lines of `mamori:skip` comments and of comment-only lines. */
  skips: Array<{ line: number; ruleId: string; reason?: string }>;
  commentLines: Set<number>;
}

interface Decl {
  json: Obj;
  file: ParsedFile;
  line: number;
  scan?: ScanBlock;
}

interface ResourceDecl extends Decl {
  type: string;
  name: string;
  suppressions: Suppression[];
}

interface ModuleCall extends Decl {
  name: string;
  def?: ModuleDef;
  /** Why the module was not loaded. */
  skipped?: string;
}

interface ModuleDef {
  dir: string;
  /** path.module: relative to the root module ('.' for the root). */
  rel: string;
  resources: ResourceDecl[];
  resourceIndex: Map<string, ResourceDecl>;
  variables: Map<string, Decl>;
  locals: Map<string, { value: unknown; file: ParsedFile; line: number }>;
  outputs: Map<string, Decl>;
  modules: Map<string, ModuleCall>;
  providers: Decl[];
  data: Map<string, Decl>;
}

const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

export const joinPath = (dir: string, rel: string): string => {
  if (rel.startsWith('/')) return normalizePath(rel);
  return normalizePath(dir === '' || dir === '.' ? rel : `${dir}/${rel}`);
};

export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s === '' ? '.' : s;
}

/** `main.tf:3,5-6: Message; detail` (possibly several, in `parse config: [ … ]`) → the first. */
export function hclProblem(file: string, message: string): IacProblem {
  const m = /([^\s[]+?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.*?)(?=\s\S+?:\d+,\d+(?:-\d+(?:,\d+)?)?: |\]?$)/s.exec(message);
  if (!m) return { file, message: message.replace(/^Error: /, ''), level: 'error' };
  return {
    file,
    line: Number(m[2]),
    column: Number(m[3]),
    message: (m[4] as string).replace(/\]$/, '').trim(),
    level: 'error',
  };
}

const SKIP = /mamori:skip(?:\s+(\S+))?(?:\s+(.*?))?\s*(?:\*\/)?\s*$/;

function commentInfo(scan: ScanFile | undefined): Pick<ParsedFile, 'skips' | 'commentLines'> {
  const skips: ParsedFile['skips'] = [];
  const commentLines = new Set<number>();
  for (const c of scan?.comments ?? []) {
    if (c.alone) commentLines.add(c.line);
    if (!c.text.includes('mamori:skip')) continue;
    const m = SKIP.exec(c.text);
    if (!m?.[1]) continue;
    const reason = m[2]?.trim();
    skips.push(reason ? { line: c.line, ruleId: m[1], reason } : { line: c.line, ruleId: m[1] });
  }
  return { skips, commentLines };
}

/** hcl2json's output shape for a .tf.json file (blocks as arrays). */
function normalizeTfJson(raw: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!isObj(v) && !Array.isArray(v)) continue;
    if (k === 'resource' || k === 'data') {
      const types: Obj = {};
      for (const t of asList(v)) {
        for (const [type, names] of Object.entries(t)) {
          const byName = isObj(types[type]) ? types[type] : {};
          types[type] = byName;
          for (const n of asList(names)) for (const [name, body] of Object.entries(n)) byName[name] = asList(body);
        }
      }
      out[k] = types;
    } else if (k === 'locals') out[k] = asList(v);
    else if (k === 'variable' || k === 'output' || k === 'module' || k === 'provider') {
      const byName: Obj = {};
      for (const n of asList(v)) for (const [name, body] of Object.entries(n)) byName[name] = asList(body);
      out[k] = byName;
    }
  }
  return out;
}

const lineAt = (text: string, offset: number): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** In a .tf.json text: the line of `"name":` after `"type":` (a fair guess of where a block starts). */
function jsonKeyLine(text: string, keys: string[]): number {
  let at = 0;
  for (const k of keys) {
    const i = text.indexOf(`${JSON.stringify(k)}`, at);
    if (i < 0) break;
    at = i + 1;
  }
  return lineAt(text, at);
}

class Loader {
  readonly problems: IacProblem[] = [];
  readonly files: string[] = [];
  private readonly parsed = new Map<string, ParsedFile | null>();
  private readonly defs = new Map<string, ModuleDef | undefined>();

  constructor(
    readonly root: string,
    readonly io: IacIo,
  ) {}

  readText(path: string): string | undefined {
    const t = this.io.readText(path);
    if (t !== undefined && !this.files.includes(path)) this.files.push(path);
    return t;
  }

  /** Parses one .tf / .tf.json / .tfvars file once; null when it is unreadable or malformed (a problem says why). */
  async parseFile(path: string): Promise<ParsedFile | null> {
    const cached = this.parsed.get(path);
    if (cached !== undefined) return cached;
    const text = this.readText(path);
    let result: ParsedFile | null = null;
    if (text === undefined) {
      this.problems.push({ file: path, message: 'the file cannot be read', level: 'error' });
    } else if (path.endsWith('.json')) {
      const errors: JsonParseError[] = [];
      const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
      const e = errors[0];
      if (e) {
        const line = lineAt(text, e.offset);
        const col = e.offset - text.lastIndexOf('\n', e.offset - 1);
        this.problems.push({ file: path, line, column: col, message: printParseErrorCode(e.error), level: 'error' });
      } else if (!isObj(raw)) {
        this.problems.push({ file: path, line: 1, column: 1, message: 'a JSON object is expected', level: 'error' });
      } else {
        const json = path.endsWith('.tfvars.json') ? raw : normalizeTfJson(raw);
        result = { path, text, json, skips: [], commentLines: new Set() };
      }
    } else {
      try {
        const json = (await parseHcl(path, text)) as unknown;
        let scan: ScanFile | undefined;
        try {
          scan = scanFile(text);
        } catch (e) {
          this.problems.push({
            file: path,
            ...(e instanceof LexError ? { line: e.line, column: e.col } : {}),
            message: `lines in this file are not known: ${e instanceof Error ? e.message : String(e)}`,
            level: 'warning',
          });
        }
        result = { path, text, json: isObj(json) ? json : {}, ...(scan ? { scan } : {}), ...commentInfo(scan) };
      } catch (e) {
        this.problems.push(hclProblem(path, e instanceof Error ? e.message : String(e)));
      }
    }
    this.parsed.set(path, result);
    return result;
  }

  private modulesJson: Map<string, string> | undefined;

  /** The directory (relative to the root) `terraform init` installed the module with this key in, if any. */
  installedDir(key: string): string | undefined {
    if (!this.modulesJson) {
      this.modulesJson = new Map();
      const text = this.io.readText(joinPath(this.root, '.terraform/modules/modules.json'));
      let parsed: unknown;
      try {
        parsed = text === undefined ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const list = isObj(parsed) && Array.isArray(parsed.Modules) ? parsed.Modules : [];
      for (const m of list) {
        if (isObj(m) && typeof m.Key === 'string' && typeof m.Dir === 'string' && m.Key !== '') {
          this.modulesJson.set(m.Key, m.Dir);
        }
      }
    }
    return this.modulesJson.get(key);
  }

  async loadDef(dir: string, rel: string, depth: number, moduleKey = ''): Promise<ModuleDef | undefined> {
    const key = `${dir}@${depth}`;
    if (this.defs.has(key)) return this.defs.get(key);
    const names = this.io.listDir(dir);
    if (names === undefined) {
      this.defs.set(key, undefined);
      return undefined;
    }
    const def: ModuleDef = {
      dir,
      rel,
      resources: [],
      resourceIndex: new Map(),
      variables: new Map(),
      locals: new Map(),
      outputs: new Map(),
      modules: new Map(),
      providers: [],
      data: new Map(),
    };
    this.defs.set(key, def);
    const tfFiles = names.filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json')).sort();
    for (const n of tfFiles) {
      const f = await this.parseFile(joinPath(dir, n));
      if (f) this.collect(def, f);
    }
    for (const call of def.modules.values()) {
      const source = call.json.source;
      const key = moduleKey === '' ? call.name : `${moduleKey}.${call.name}`;
      const warn = (message: string): void => {
        this.problems.push({ file: call.file.path, line: call.line, message, level: 'warning' });
      };
      // A module `terraform init` downloaded is listed in .terraform/modules/modules.json.
      const installed = typeof source === 'string' ? this.installedDir(key) : undefined;
      const local = typeof source === 'string' && (source.startsWith('./') || source.startsWith('../'));
      if (typeof source !== 'string') {
        call.skipped = 'its source is not a literal string';
        warn(`module "${call.name}": its source is not a literal string; its resources are not scanned`);
      } else if (depth + 1 > MAX_DEPTH) {
        call.skipped = 'modules are nested too deep';
        warn(`module "${call.name}": more than ${MAX_DEPTH} levels of modules; not followed`);
      } else if (!local && installed === undefined) {
        call.skipped = `its source ${source} is not a local path`;
        warn(`module "${call.name}": source ${source} is not a local directory; its resources are not scanned`);
      } else {
        const childDir = local ? joinPath(dir, source) : joinPath(this.root, installed as string);
        const childRel = local ? joinPath(rel, source) : normalizePath(installed as string);
        const child = await this.loadDef(childDir, childRel, depth + 1, key);
        if (child) call.def = child;
        else {
          call.skipped = `directory ${childDir} not found`;
          warn(`module "${call.name}": directory ${childDir} not found`);
        }
      }
    }
    return def;
  }

  private collect(def: ModuleDef, f: ParsedFile): void {
    const top = f.scan?.body;
    const scanned = (type: string, labels: string[], nth: number): ScanBlock | undefined => {
      if (!top) return undefined;
      let seen = 0;
      for (const it of top.items) {
        if (it.kind !== 'block' || it.type !== type) continue;
        if (labels.some((l, i) => it.labels[i] !== l)) continue;
        if (seen++ === nth) return it;
      }
      return undefined;
    };
    const lineOf = (s: ScanBlock | undefined, keys: string[]): number =>
      s?.line ?? (f.scan ? 1 : jsonKeyLine(f.text, keys));
    const j = f.json;
    if (isObj(j.resource)) {
      for (const [type, byName] of Object.entries(j.resource)) {
        if (!isObj(byName)) continue;
        for (const [name, bodies] of Object.entries(byName)) {
          asList(bodies).forEach((json, nth) => {
            const scan = scanned('resource', [type, name], nth);
            const line = lineOf(scan, ['resource', type, name]);
            const decl: ResourceDecl = {
              type,
              name,
              json,
              file: f,
              line,
              ...(scan ? { scan } : {}),
              suppressions: suppressionsFor(f, line, scan?.endLine ?? line),
            };
            def.resources.push(decl);
            def.resourceIndex.set(`${type}.${name}`, decl);
          });
        }
      }
    }
    if (isObj(j.data)) {
      for (const [type, byName] of Object.entries(j.data)) {
        if (!isObj(byName)) continue;
        for (const [name, bodies] of Object.entries(byName)) {
          const json = asList(bodies)[0];
          const scan = scanned('data', [type, name], 0);
          if (json) {
            def.data.set(`${type}.${name}`, {
              json,
              file: f,
              line: lineOf(scan, ['data', type, name]),
              ...(scan ? { scan } : {}),
            });
          }
        }
      }
    }
    for (const kind of ['variable', 'output', 'module'] as const) {
      const v = j[kind];
      if (!isObj(v)) continue;
      for (const [name, bodies] of Object.entries(v)) {
        const json = asList(bodies)[0];
        if (!json) continue;
        const scan = scanned(kind, [name], 0);
        const decl: Decl = { json, file: f, line: lineOf(scan, [kind, name]), ...(scan ? { scan } : {}) };
        if (kind === 'variable') def.variables.set(name, decl);
        else if (kind === 'output') def.outputs.set(name, decl);
        else def.modules.set(name, { ...decl, name });
      }
    }
    if (isObj(j.provider)) {
      for (const [name, bodies] of Object.entries(j.provider)) {
        for (const json of asList(bodies)) def.providers.push({ json: { ...json, $name: name }, file: f, line: 1 });
      }
    }
    const localBlocks = top ? top.items.filter((i): i is ScanBlock => i.kind === 'block' && i.type === 'locals') : [];
    asList(j.locals).forEach((block, nth) => {
      const scan = localBlocks[nth];
      for (const [name, value] of Object.entries(block)) {
        const a = scan?.body.items.find((i): i is ScanAttr => i.kind === 'attr' && i.name === name);
        def.locals.set(name, { value, file: f, line: a?.line ?? scan?.line ?? 1 });
      }
    });
  }
}

function suppressionsFor(f: ParsedFile, start: number, end: number): Suppression[] {
  if (f.skips.length === 0) return [];
  let first = start;
  while (f.commentLines.has(first - 1)) first--;
  return f.skips
    .filter((s) => s.line >= first && s.line <= end)
    .map((s) => ({ ruleId: s.ruleId, ...(s.reason ? { reason: s.reason } : {}), file: f.path, line: s.line }));
}

type Expansion =
  | { mode: 'single' }
  | { mode: 'unknown' }
  | { mode: 'count'; n: number }
  | { mode: 'each'; entries: Array<[string, unknown]> };

const keySuffix = (k: number | string): string => (typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`);

/** Count / for_each of a resource or module call, evaluated in its module. */
function expansionOf(json: Obj, ctx: Ctx): Expansion {
  if ('count' in json) {
    const v = evalJson(json.count, ctx);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 0) return { mode: 'unknown' };
    return { mode: 'count', n };
  }
  if ('for_each' in json) {
    const v = evalJson(json.for_each, ctx);
    if (isObj(v)) {
      return {
        mode: 'each',
        entries: Object.keys(v)
          .sort()
          .map((k) => [k, v[k]]),
      };
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      return { mode: 'each', entries: [...new Set(v as string[])].sort().map((k) => [k, k]) };
    }
    return { mode: 'unknown' };
  }
  return { mode: 'single' };
}

/** The instances of an expansion: address suffix and the count / each values they see. */
function instancesOf(
  x: Expansion,
): Array<{ suffix: string; count?: unknown; each?: { key: unknown; value: unknown } }> {
  switch (x.mode) {
    case 'single':
      return [{ suffix: '' }];
    case 'unknown':
      return [
        {
          suffix: '',
          count: new Unk('count is not known before apply'),
          each: { key: new Unk('for_each is not known before apply'), value: new Unk('for_each is not known') },
        },
      ];
    case 'count':
      return Array.from({ length: x.n }, (_, i) => ({ suffix: keySuffix(i), count: i }));
    case 'each':
      return x.entries.map(([k, v]) => ({ suffix: keySuffix(k), each: { key: k, value: v } }));
  }
}

/** A provider reference written as `aws.west` (hcl2json: "${aws.west}"). */
const providerRef = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.replace(/^\$\{\s*/, '').replace(/\s*\}$/, '') : undefined;

type ChildCall =
  | { mode: 'absent'; why: string }
  | { mode: 'single'; inst: Instance; keysUnknown?: boolean }
  | { mode: 'multi'; insts: Map<string | number, Instance> };

class Instance implements Env {
  private readonly varMemo = new Map<string, { busy: boolean; v?: unknown }>();
  private readonly localMemo = new Map<string, { busy: boolean; v?: unknown }>();
  private readonly outputMemo = new Map<string, { busy: boolean; v?: unknown }>();
  private readonly dataMemo = new Map<string, { busy: boolean; v?: unknown }>();
  private readonly expansions = new Map<ResourceDecl, Expansion>();
  private readonly childMemo = new Map<string, ChildCall>();
  private readonly regionMemo = new Map<string, string | undefined>();
  readonly ctx: Ctx;

  constructor(
    readonly loader: Loader,
    readonly def: ModuleDef,
    /** '' for the root, `module.m.` / `module.m[0].` for a child. */
    readonly prefix: string,
    /** Values given to variables: the root's tfvars, or the module block's arguments (evaluated in the caller). */
    readonly given: (name: string) => { v: unknown } | undefined,
    readonly parent?: { inst: Instance; call: ModuleCall },
  ) {
    this.ctx = { env: this };
  }

  private memo(
    table: Map<string, { busy: boolean; v?: unknown }>,
    key: string,
    what: string,
    f: () => unknown,
  ): unknown {
    const m = table.get(key);
    if (m) {
      if (m.busy) return new Unk(`${what} refers to itself`);
      return m.v;
    }
    const entry: { busy: boolean; v?: unknown } = { busy: true };
    table.set(key, entry);
    entry.v = f();
    entry.busy = false;
    return entry.v;
  }

  variable(name: string): unknown {
    return this.memo(this.varMemo, name, `var.${name}`, () => {
      const decl = this.def.variables.get(name);
      const given = this.given(name);
      if (!decl) {
        if (given) return given.v;
        throw new ExprError(`variable "${name}" is not declared`);
      }
      let v: unknown;
      if (given) v = given.v;
      else if ('default' in decl.json) v = evalJson(decl.json.default, this.ctx);
      else return new Unk(`variable ${name} has no value`);
      return convertType(v, decl.json.type);
    });
  }

  local(name: string): unknown {
    return this.memo(this.localMemo, name, `local.${name}`, () => {
      const l = this.def.locals.get(name);
      if (!l) throw new ExprError(`local value "${name}" is not declared`);
      return evalJson(l.value, this.ctx);
    });
  }

  output(name: string): unknown {
    return this.memo(this.outputMemo, name, `output ${name}`, () => {
      const o = this.def.outputs.get(name);
      if (!o) throw new ExprError(`the module has no output "${name}"`);
      return evalJson(o.json.value, this.ctx);
    });
  }

  path(which: string): string {
    return which === 'module' ? this.def.rel : '.';
  }

  readFile(path: string): string | undefined {
    const root = this.loader.root;
    return this.loader.readText(joinPath(root, path)) ?? this.loader.readText(joinPath(this.def.dir, path));
  }

  expansion(decl: ResourceDecl): Expansion {
    let x = this.expansions.get(decl);
    if (!x) {
      x = expansionOf(decl.json, this.ctx);
      this.expansions.set(decl, x);
    }
    return x;
  }

  resource(type: string, steps: Step[], ctx: Ctx): unknown {
    const first = steps[0];
    if (!first || !('a' in first)) throw new ExprError(`${type} is not a known name`);
    const decl = this.def.resourceIndex.get(`${type}.${first.a}`);
    if (!decl) return new Unk(`reference to undeclared resource ${type}.${first.a}`);
    const address = `${this.prefix}${type}.${first.a}`;
    const rest = steps.slice(1);
    const x = this.expansion(decl);
    if (x.mode === 'single') return applySteps(new RefV(address), rest, ctx);
    const idx = rest[0];
    if (x.mode === 'unknown') {
      if (idx && 'splat' in idx) return new Unk(`the instances of ${address} are not known before apply`);
      return applySteps(new RefV(address), idx && 'i' in idx ? rest.slice(1) : rest, ctx);
    }
    if (idx && 'i' in idx) {
      const k = evalIndex(idx, ctx);
      if (k instanceof Unk) return k;
      if (x.mode === 'count') {
        const n = typeof k === 'number' ? k : Number(k);
        if (!Number.isInteger(n) || n < 0 || n >= x.n) throw new ExprError(`${address}[${String(k)}] does not exist`);
        return applySteps(new RefV(`${address}[${n}]`), rest.slice(1), ctx);
      }
      const key = String(k);
      if (!x.entries.some(([e]) => e === key)) throw new ExprError(`${address}[${JSON.stringify(key)}] does not exist`);
      return applySteps(new RefV(`${address}${keySuffix(key)}`), rest.slice(1), ctx);
    }
    if (x.mode === 'count') {
      const all = Array.from({ length: x.n }, (_, i) => new RefV(`${address}[${i}]`));
      return applySteps(all, rest, ctx);
    }
    const all: Obj = {};
    for (const [k] of x.entries) all[k] = new RefV(`${address}${keySuffix(k)}`);
    return applySteps(all, rest, ctx);
  }

  data(steps: Step[], ctx: Ctx): unknown {
    const text = traversalText('data', steps, ctx);
    const t = steps[0];
    const n = steps[1];
    if (!t || !n || !('a' in t) || !('a' in n)) throw new ExprError('data must be followed by a type and a name');
    const key = `${t.a}.${n.a}`;
    const decl = this.def.data.get(key);
    if (!decl) return new Unk(`reference to undeclared data source data.${key}`);
    if (t.a === 'aws_iam_policy_document') {
      // The provider builds this document from the configuration alone: evaluate it (its instance, with count /
      // for_each known), so policies written this way can be judged.
      let rest = steps.slice(2);
      let instance: { count?: unknown; each?: { key: unknown; value: unknown } } = {};
      let id = key;
      const x = 'count' in decl.json || 'for_each' in decl.json ? expansionOf(decl.json, this.ctx) : undefined;
      if (x && x.mode !== 'unknown') {
        const idx = rest[0];
        if (!idx || !('i' in idx)) return new Unk(`data.${key} has several instances`, `\${${text}}`);
        const k = evalIndex(idx, ctx);
        if (k instanceof Unk) return k;
        const found = instancesOf(x).find((i) =>
          x.mode === 'count' ? i.count === Number(k) : i.each !== undefined && i.each.key === String(k),
        );
        if (!found) throw new ExprError(`data.${key}[${JSON.stringify(k)}] does not exist`);
        instance = found;
        id = `${key}${found.suffix}`;
        rest = rest.slice(1);
      }
      const attr = rest[0];
      if (x?.mode !== 'unknown' && attr && 'a' in attr && (attr.a === 'json' || attr.a === 'minified_json')) {
        const ictx: Ctx = {
          env: this,
          ...(instance.count !== undefined ? { count: instance.count } : {}),
          ...(instance.each ? { each: instance.each } : {}),
        };
        const v = this.memo(this.dataMemo, `${id}.${attr.a}`, `data.${id}`, () =>
          policyDocument(evalBody(decl.json, decl.scan?.body, ictx, '', {}, true), attr.a === 'minified_json'),
        );
        return applySteps(v, rest.slice(1), ctx);
      }
    }
    return new Unk(`data source data.${t.a}.${n.a} is read when Terraform runs`, `\${${text}}`);
  }

  child(name: string): ChildCall {
    let c = this.childMemo.get(name);
    if (c) return c;
    const call = this.def.modules.get(name);
    if (!call) c = { mode: 'absent', why: `module "${name}" is not declared` };
    else if (!call.def) c = { mode: 'absent', why: `module "${name}" is not loaded: ${call.skipped ?? 'unknown'}` };
    else {
      const x = expansionOf(call.json, this.ctx);
      const make = (suffix: string, count?: unknown, each?: { key: unknown; value: unknown }): Instance => {
        const cctx: Ctx = { ...this.ctx, ...(count !== undefined ? { count } : {}), ...(each ? { each } : {}) };
        const json = call.json;
        return new Instance(
          this.loader,
          call.def as ModuleDef,
          `${this.prefix}module.${name}${suffix}.`,
          (v) => (v in json && !MODULE_META.has(v) ? { v: evalJson(json[v], cctx) } : undefined),
          { inst: this, call },
        );
      };
      if (x.mode === 'single') c = { mode: 'single', inst: make('') };
      else if (x.mode === 'unknown') {
        // Instances not known before apply: one instance, without an index, where count / each are unknown.
        const [i] = instancesOf(x);
        c = { mode: 'single', inst: make('', i?.count, i?.each), keysUnknown: true };
      } else {
        const insts = new Map<string | number, Instance>();
        for (const i of instancesOf(x)) {
          const key = x.mode === 'count' ? (i.count as number) : String(i.each?.key);
          insts.set(key, make(i.suffix, i.count, i.each));
        }
        c = { mode: 'multi', insts };
      }
    }
    this.childMemo.set(name, c);
    return c;
  }

  module(path: Step[], ctx: Ctx): unknown {
    let steps = path;
    const first = steps[0];
    if (!first || !('a' in first)) throw new ExprError('module must be followed by a module name');
    const c = this.child(first.a);
    if (c.mode === 'absent') return new Unk(c.why);
    if (c.mode === 'single' && c.keysUnknown) {
      const idx = steps[1];
      if (idx && 'splat' in idx) return new Unk(`the instances of module.${first.a} are not known before apply`);
      if (idx && 'i' in idx) steps = [first, ...steps.slice(2)];
    }
    let rest = steps.slice(1);
    let inst: Instance;
    if (c.mode === 'multi') {
      const idx = rest[0];
      if (!idx || !('i' in idx)) return new Unk(`module.${first.a} has several instances`);
      const k = evalIndex(idx, ctx);
      if (k instanceof Unk) return k;
      const found = c.insts.get(typeof k === 'number' ? k : String(k));
      if (!found) throw new ExprError(`module.${first.a}[${JSON.stringify(k)}] does not exist`);
      inst = found;
      rest = rest.slice(1);
    } else inst = c.inst;
    const out = rest[0];
    if (!out || !('a' in out)) {
      const all: Obj = {};
      for (const o of inst.def.outputs.keys()) all[o] = inst.output(o);
      return applySteps(all, rest, ctx);
    }
    return applySteps(inst.output(out.a), rest.slice(1), ctx);
  }

  /** Region of the provider configuration `aws` or `aws.<alias>` in this module instance. */
  region(alias?: string): string | undefined {
    const key = alias ?? '';
    if (this.regionMemo.has(key)) return this.regionMemo.get(key);
    this.regionMemo.set(key, undefined);
    let region: string | undefined;
    const own = this.def.providers.find(
      (p) => p.json.$name === 'aws' && (alias === undefined ? !('alias' in p.json) : p.json.alias === alias),
    );
    if (own) {
      const r = evalJson(own.json.region, this.ctx);
      region = typeof r === 'string' ? r : undefined;
    } else if (this.parent) {
      const map = isObj(this.parent.call.json.providers) ? this.parent.call.json.providers : {};
      const given = providerRef(map[alias === undefined ? 'aws' : `aws.${alias}`]);
      if (given !== undefined) {
        const [name, parentAlias] = given.split('.');
        region = name === 'aws' ? this.parent.inst.region(parentAlias) : undefined;
      } else if (alias === undefined) region = this.parent.inst.region();
    }
    this.regionMemo.set(key, region);
    return region;
  }

  /** Every resource block of this instance and of its child modules. */
  blocks(out: IacBlock[]): void {
    for (const decl of this.def.resources) {
      const x = this.expansion(decl);
      const providerName = providerRef(decl.json.provider);
      const alias = providerName?.startsWith('aws.') ? providerName.slice(4) : undefined;
      const region = decl.type.startsWith('aws_') ? this.region(alias) : undefined;
      for (const i of instancesOf(x)) {
        const ctx: Ctx = {
          env: this,
          ...(i.count !== undefined ? { count: i.count } : {}),
          ...(i.each ? { each: i.each } : {}),
        };
        const lines: Record<string, number> = {};
        const props = toJson(evalBody(decl.json, decl.scan?.body, ctx, '', lines, true)) as Obj;
        out.push({
          format: 'terraform',
          file: decl.file.path,
          line: decl.line,
          address: `${this.prefix}${decl.type}.${decl.name}${i.suffix}`,
          type: decl.type,
          props,
          lines,
          suppressions: decl.suppressions,
          ...(region !== undefined ? { region } : {}),
        });
      }
    }
    for (const name of this.def.modules.keys()) {
      const c = this.child(name);
      if (c.mode === 'single') c.inst.blocks(out);
      else if (c.mode === 'multi') for (const inst of c.insts.values()) inst.blocks(out);
    }
  }

  /** Variables as inputs of the document (the secrets scan reads them). */
  inputs(out: NonNullable<IacDocument['inputs']>): void {
    for (const [name, decl] of this.def.variables) {
      const v = toJson(this.variable(name));
      out.push({
        name: `${this.prefix}${name}`,
        value: v,
        file: decl.file.path,
        line: decl.line,
        ...(decl.json.sensitive === true ? { noEcho: true } : {}),
      });
    }
    for (const name of this.def.modules.keys()) {
      const c = this.child(name);
      if (c.mode === 'single') c.inst.inputs(out);
      else if (c.mode === 'multi') for (const inst of c.insts.values()) inst.inputs(out);
    }
  }
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function evalIndex(step: { i: Expr }, ctx: Ctx): unknown {
  try {
    const v = ev(step.i, ctx);
    if (v instanceof RefV) return new Unk(`an index is known only after apply (${v.rendered})`);
    return v;
  } catch (e) {
    if (e instanceof UnknownSignal) return e.value;
    throw e;
  }
}

/** Converts a given value to the variable's declared primitive type (tfvars / -var strings). */
function convertType(v: unknown, type: unknown): unknown {
  if (typeof v !== 'string' || typeof type !== 'string') return v;
  const t = type.replace(/^\$\{\s*/, '').replace(/\s*\}$/, '');
  if (t === 'number' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (t === 'bool' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

/**
 * Evaluates a block body (attributes and nested blocks, `dynamic` blocks expanded) and records the line of each
 * path written on its own line.
 */
function evalBody(
  json: Obj,
  body: ScanBody | undefined,
  ctx: Ctx,
  prefix: string,
  lines: Record<string, number>,
  top: boolean,
): Obj {
  const attrs = new Map<string, ScanAttr>();
  const blocks = new Map<string, ScanBlock[]>();
  for (const it of body?.items ?? []) {
    if (it.kind === 'attr') attrs.set(it.name, it);
    else {
      const t = it.type === 'dynamic' ? (it.labels[0] ?? '') : it.type;
      const l = blocks.get(t);
      if (l) l.push(it);
      else blocks.set(t, [it]);
    }
  }
  const out: Obj = {};
  const dynamic = isObj(json.dynamic) && !attrs.has('dynamic') ? json.dynamic : undefined;
  const blockTypes = new Set<string>(dynamic ? Object.keys(dynamic) : []);
  for (const [k, v] of Object.entries(json)) {
    if (top && META.has(k)) continue;
    if (k === 'dynamic' && dynamic) continue;
    const a = attrs.get(k);
    if (a) {
      // `x = null` means the argument is not set, as in the plan (whose nulls are dropped).
      const value = evalJson(v, ctx);
      if (value !== null) out[k] = value;
      lines[`${prefix}${k}`] = a.line;
      for (const [sub, line] of Object.entries(a.sub)) lines[`${prefix}${k}.${sub}`] = line;
    } else if (blocks.has(k) && Array.isArray(v)) blockTypes.add(k);
    else {
      const value = evalJson(v, ctx);
      if (value !== null) out[k] = value;
    }
  }
  for (const t of blockTypes) {
    if (top && META.has(t)) continue;
    const statics = asList(json[t]);
    const dyns = dynamic ? asList(dynamic[t]) : [];
    const scans = blocks.get(t) ?? [];
    const nStatic = scans.filter((s) => s.type !== 'dynamic').length;
    const consistent = scans.length === statics.length + dyns.length && nStatic === statics.length;
    const order: Array<{ dyn: boolean; json: Obj; scan?: ScanBlock }> = [];
    if (consistent) {
      let si = 0;
      let di = 0;
      for (const s of scans) {
        if (s.type === 'dynamic') order.push({ dyn: true, json: dyns[di++] as Obj, scan: s });
        else order.push({ dyn: false, json: statics[si++] as Obj, scan: s });
      }
    } else {
      for (const j of statics) order.push({ dyn: false, json: j });
      for (const j of dyns) order.push({ dyn: true, json: j });
    }
    const list: unknown[] = [];
    let unknownList: Unk | undefined;
    for (const o of order) {
      if (!o.dyn) {
        const p = `${prefix}${t}.${list.length}`;
        if (o.scan) lines[p] = o.scan.line;
        list.push(evalBody(o.json, o.scan?.body, ctx, `${p}.`, lines, false));
        continue;
      }
      const forEach = evalJson(o.json.for_each, ctx);
      const iterName = providerRef(o.json.iterator) ?? t;
      const content = asList(o.json.content)[0] ?? {};
      const contentScan = o.scan?.body.items.find((i): i is ScanBlock => i.kind === 'block' && i.type === 'content');
      let pairs: Array<[unknown, unknown]>;
      try {
        pairs = iterate(forEach);
      } catch {
        unknownList = new Unk(`dynamic "${t}" blocks: for_each is not known`);
        break;
      }
      for (const [key, value] of pairs) {
        const p = `${prefix}${t}.${list.length}`;
        if (o.scan) lines[p] = o.scan.line;
        const inner = withVars(ctx, {
          [iterName]: { key: Array.isArray(forEach) && SETS.has(forEach) ? value : key, value },
        });
        list.push(evalBody(content, contentScan?.body, inner, `${p}.`, lines, false));
      }
    }
    out[t] = unknownList ?? list;
  }
  return out;
}

async function readVarFile(
  loader: Loader,
  path: string,
  given: Map<string, { v: unknown }>,
  inputs: NonNullable<IacDocument['inputs']>,
  required: boolean,
): Promise<void> {
  if (loader.io.readText(path) === undefined) {
    if (required) loader.problems.push({ file: path, message: 'the variable file cannot be read', level: 'error' });
    return;
  }
  const f = await loader.parseFile(path);
  if (!f) return;
  const ctx: Ctx = {
    env: {
      variable: (n) => new Unk(`var.${n} cannot be used in a variable file`),
      local: (n) => new Unk(`local.${n} cannot be used in a variable file`),
      resource: () => new Unk('references cannot be used in a variable file'),
      data: () => new Unk('data sources cannot be used in a variable file'),
      module: () => new Unk('modules cannot be used in a variable file'),
      path: () => '.',
      readFile: () => undefined,
    },
  };
  const attrs = new Map<string, number>();
  for (const it of f.scan?.body.items ?? []) if (it.kind === 'attr') attrs.set(it.name, it.line);
  for (const [name, raw] of Object.entries(f.json)) {
    const v = evalJson(raw, ctx);
    given.set(name, { v });
    inputs.push({ name, value: toJson(v), file: path, line: attrs.get(name) ?? jsonKeyLine(f.text, [name]) });
  }
}

/** -var values: HCL values when they look like one (lists, maps, numbers, bools), else the raw string. */
function cliValue(raw: string): unknown {
  const t = raw.trim();
  if (t.startsWith('[') || t.startsWith('{') || t.startsWith('"')) {
    const e = compileExpr(t);
    if (!(e instanceof Error)) {
      try {
        return ev(e, {
          env: {
            variable: (n) => new Unk(`var.${n} cannot be used in -var`),
            local: (n) => new Unk(`local.${n} cannot be used in -var`),
            resource: () => new Unk('references cannot be used in -var'),
            data: () => new Unk('data sources cannot be used in -var'),
            module: () => new Unk('modules cannot be used in -var'),
            path: () => '.',
            readFile: () => undefined,
          },
        });
      } catch {
        return raw;
      }
    }
  }
  return raw;
}

export async function loadModuleTree(dir: string, io: IacIo, options: LoadOptions): Promise<IacDocument> {
  const root = normalizePath(dir);
  const loader = new Loader(root, io);
  const blocks: IacBlock[] = [];
  const inputs: NonNullable<IacDocument['inputs']> = [];
  const doc: IacDocument = { format: 'terraform', root: dir, blocks, problems: loader.problems, files: loader.files };
  const def = await loader.loadDef(root, '.', 0);
  if (!def) {
    loader.problems.push({ file: dir, message: 'not a directory', level: 'error' });
    return doc;
  }
  const given = new Map<string, { v: unknown }>();
  const names = io.listDir(root) ?? [];
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  for (const n of ['terraform.tfvars', 'terraform.tfvars.json', ...auto]) {
    if (names.includes(n)) await readVarFile(loader, joinPath(root, n), given, inputs, false);
  }
  for (const f of options.varFiles ?? []) await readVarFile(loader, f, given, inputs, true);
  for (const [k, v] of Object.entries(options.vars ?? {})) given.set(k, { v: cliValue(v) });
  const inst = new Instance(loader, def, '', (n) => given.get(n));
  try {
    inst.blocks(blocks);
    inst.inputs(inputs);
  } catch (e) {
    if (!(e instanceof ExprError || e instanceof UnknownSignal)) throw e;
    loader.problems.push({ file: dir, message: `evaluation failed: ${String(e)}`, level: 'error' });
  }
  doc.inputs = inputs;
  return doc;
}
