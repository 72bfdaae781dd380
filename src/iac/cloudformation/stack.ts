import { posix } from 'node:path';
import { isUnknown, type Unknown, unknown } from '../../core/resource.js';
import { type IacBlock, type IacDocument, type IacIo, isRef, renderRef, type Suppression } from '../model.js';
import { cidrSubnets } from './cidr.js';
import { expandLoop } from './foreach.js';
import { get, parseTemplate, type SMap, type SNode, str } from './parse.js';
import { globalsFor, mergeGlobals, samBlocks } from './sam.js';

/** `!Ref AWS::NoValue`: removes the key or list element it is the value of. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** How deep nested stacks are followed. */
export const MAX_DEPTH = 10;

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const KNOWN_TRANSFORMS = new Set([SAM_TRANSFORM, 'AWS::LanguageExtensions']);
const STACK_TYPES: Record<string, string> = {
  'AWS::CloudFormation::Stack': 'TemplateURL',
  'AWS::Serverless::Application': 'Location',
};

const PSEUDO: Record<string, unknown> = {
  'AWS::NoValue': NO_VALUE,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};
const PSEUDO_UNKNOWN = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::NotificationARNs',
]);

/** State shared by a template and its nested stacks: the one document they fill. */
export interface Shared {
  doc: IacDocument;
  io: IacIo;
  /** Values left to resolve before the document is deemed to expand without bound (YAML alias bombs). */
  budget: number;
}

/** Resolution budget: far above what a template's size needs (each nested stack adds its own), far below a hang. */
export const BUDGET_BASE = 200_000;
export const BUDGET_PER_CHAR = 5;

/** Thrown when a document exhausts its budget; the adapter reports it as a problem. */
export class ExpansionError extends Error {}

interface ResourceEntry {
  node: SNode;
  line: number;
  type: string | undefined;
  /** false: its Condition is false and CloudFormation does not create it. */
  created: boolean | Unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !isRef(v);

/** The first Unknown inside a value, if any. */
export function firstUnknown(v: unknown): Unknown | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return undefined;
  for (const x of Array.isArray(v) ? v : Object.values(v)) {
    const u = firstUnknown(x);
    if (u) return u;
  }
  return undefined;
}

const hasRef = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (isRef(v) || (!isUnknown(v) && (Array.isArray(v) ? v : Object.values(v)).some(hasRef)));

/** Replaces references by their rendered text (`${Res.Arn}`), for Fn::ToJsonString. */
const renderRefs = (v: unknown): unknown => {
  if (typeof v !== 'object' || v === null) return v;
  if (isRef(v)) return renderRef(v);
  if (Array.isArray(v)) return v.map(renderRefs);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renderRefs(x)]));
};

/** Same value for Fn::Equals: CloudFormation compares the written strings (`8080` equals `'8080'`). */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : x));

const setKey = (obj: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true });
  else obj[key] = value;
};

const describe = (u: Unknown | undefined): string => (u ? `: ${u.$unknown}` : '');

/**
 * One template (the root or a nested stack) being resolved. Every node is resolved once per use: parameters,
 * conditions and nested stack outputs are cached, so the work stays linear in the template's size.
 */
export class Stack {
  private readonly params = new Map<string, unknown>();
  private readonly resources = new Map<string, ResourceEntry>();
  private readonly conditions: SNode | undefined;
  private readonly condCache = new Map<string, boolean | Unknown>();
  private readonly condBusy = new Set<string>();
  private readonly mappings: SNode | undefined;
  private readonly outputs: SNode | undefined;
  private readonly outputCache = new Map<string, unknown>();
  private readonly children = new Map<string, Stack | null>();
  private readonly globals: SNode | undefined;
  private readonly sam: boolean;
  /** Lines of the block being resolved; written only when a prop path is being tracked. */
  private lines: Record<string, number> = {};

  constructor(
    private readonly shared: Shared,
    private readonly file: string,
    private readonly root: SMap,
    private readonly prefix: string,
    /** Files of this stack and its parents (loop detection). */
    private readonly chain: readonly string[],
    given: Record<string, unknown>,
    /** `given` came from the command line (strings), not from a parent stack's resolved values. */
    textual: boolean,
  ) {
    this.conditions = get(root, 'Conditions');
    this.mappings = get(root, 'Mappings');
    this.outputs = get(root, 'Outputs');
    const transform = get(root, 'Transform');
    const transforms = transform?.k === 'seq' ? transform.items : transform ? [transform] : [];
    this.sam = transforms.some((t) => str(t) === SAM_TRANSFORM);
    this.globals = this.sam ? get(root, 'Globals') : undefined;
    for (const t of transforms) {
      const name = str(t) ?? str(get(t, 'Name'));
      if (!name || !KNOWN_TRANSFORMS.has(name)) {
        this.problem(
          'warning',
          t.line,
          `transform ${name ?? '(not a name)'} is not applied: what it adds or changes is not scanned`,
        );
      }
    }
    this.initParameters(given, textual);
    this.initResources();
  }

  private problem(level: 'error' | 'warning', line: number | undefined, message: string, file = this.file): void {
    this.shared.doc.problems.push({ file, ...(line === undefined ? {} : { line }), message, level });
  }

  // ---- parameters ----

  private initParameters(given: Record<string, unknown>, textual: boolean): void {
    const section = get(this.root, 'Parameters');
    if (section?.k !== 'map') return;
    section.keys.forEach((name, i) => {
      const def = section.values[i] as SNode;
      const type = str(get(def, 'Type')) ?? 'String';
      const noEchoNode = get(def, 'NoEcho');
      const noEcho = noEchoNode?.k === 'scalar' && (noEchoNode.v === true || noEchoNode.v === 'true');
      let value: unknown;
      if (Object.hasOwn(given, name)) {
        value = given[name];
        if (textual && type === 'Number' && typeof value === 'string' && value.trim() !== '') {
          const n = Number(value);
          if (Number.isFinite(n)) value = n;
        }
      } else {
        const d = get(def, 'Default');
        value = d === undefined ? undefined : this.value(d);
      }
      if (value === undefined || value === null || value === NO_VALUE) {
        value = unknown(`parameter ${name} has no default`);
      } else if (type.startsWith('AWS::SSM::Parameter::Value<')) {
        value = unknown(`parameter ${name} is read from SSM Parameter Store (${String(value)})`);
      } else if ((type.startsWith('List<') || type === 'CommaDelimitedList') && typeof value === 'string') {
        value = value.split(',').map((s) => s.trim());
      }
      this.params.set(name, value);
      this.shared.doc.inputs ??= [];
      this.shared.doc.inputs.push({
        name: this.prefix + name,
        value,
        file: this.file,
        line: section.keyLines[i] as number,
        noEcho,
      });
    });
  }

  // ---- resources ----

  private initResources(): void {
    const section = get(this.root, 'Resources');
    if (section?.k !== 'map') return;
    const add = (id: string, node: SNode, line: number) => {
      if (this.resources.has(id))
        this.problem('warning', line, `resource ${id} is defined twice; the last one is used`);
      this.resources.set(id, { node, line, type: str(get(node, 'Type')), created: true });
    };
    section.keys.forEach((id, i) => {
      const node = section.values[i] as SNode;
      const line = section.keyLines[i] as number;
      if (id.startsWith('Fn::Transform')) {
        this.problem('warning', line, 'Fn::Transform in Resources is not expanded: what it adds is not scanned');
        return;
      }
      if (!id.startsWith('Fn::ForEach::')) {
        add(id, node, line);
        return;
      }
      const collection = (n: SNode): string[] | string => {
        const v = this.value(n);
        if (isUnknown(v)) return v.$unknown;
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
          return 'not a list of strings';
        }
        return v.map(String);
      };
      const warn = (l: number, message: string) => this.problem('warning', l, message);
      for (const e of expandLoop(node, new Map(), collection, warn, id)) add(e.key, e.node, e.keyLine);
    });
    // Conditions only read parameters and mappings, so they can be decided before any resource is resolved.
    for (const entry of this.resources.values()) {
      const name = str(get(entry.node, 'Condition'));
      if (name !== undefined) entry.created = this.cond(name, entry.line);
    }
  }

  /** Resolves every resource into blocks (and nested stacks into theirs). */
  run(): void {
    for (const [id, entry] of this.resources) {
      if (entry.created === false) continue;
      this.block(id, entry);
    }
  }

  private block(id: string, entry: ResourceEntry): void {
    const { node, line } = entry;
    if (node.k !== 'map') {
      this.problem('warning', line, `resource ${id} is not a mapping; it is skipped`);
      return;
    }
    const type = entry.type;
    if (type === undefined) {
      this.problem('warning', line, `resource ${id} has no Type; it is skipped`);
      return;
    }
    let propsNode = get(node, 'Properties');
    if (propsNode !== undefined && propsNode.k !== 'map') {
      if (!(propsNode.k === 'scalar' && propsNode.v === null)) {
        this.problem('warning', line, `resource ${id}: Properties is not a mapping; the resource is skipped`);
        return;
      }
      propsNode = undefined;
    }
    const globals = globalsFor(this.globals, type);
    if (globals?.k === 'map') propsNode = propsNode ? mergeGlobals(globals, propsNode) : globals;
    this.lines = {};
    const resolved = propsNode === undefined ? {} : this.value(propsNode, '');
    const block: IacBlock = {
      format: 'cloudformation',
      file: this.file,
      line,
      address: this.prefix + id,
      type,
      props: isPlainObject(resolved) ? resolved : {},
      lines: this.lines,
      suppressions: this.suppressions(id, node),
    };
    this.lines = {};
    const blocks = type.startsWith('AWS::Serverless::') ? samBlocks(block) : [block];
    this.shared.doc.blocks.push(...blocks);
    if (STACK_TYPES[type] !== undefined) this.child(id, block);
  }

  private suppressions(id: string, node: SNode): Suppression[] {
    const skip = get(get(get(node, 'Metadata'), 'mamori'), 'skip');
    if (skip === undefined) return [];
    if (skip.k !== 'seq') {
      this.problem('warning', skip.line, `resource ${id}: Metadata.mamori.skip must be a list of { id, reason }`);
      return [];
    }
    const out: Suppression[] = [];
    for (const item of skip.items) {
      const ruleId = str(get(item, 'id'));
      if (!ruleId) {
        this.problem('warning', item.line, `resource ${id}: a Metadata.mamori.skip entry has no rule id`);
        continue;
      }
      const reason = get(item, 'reason');
      const text = reason?.k === 'scalar' && reason.v !== null ? String(reason.v).trim() : '';
      out.push({ ruleId, ...(text ? { reason: text } : {}), file: this.file, line: item.line });
    }
    return out;
  }

  // ---- nested stacks ----

  /** The nested stack of resource `id`, loaded (and resolved) on first use; undefined when it cannot be read. */
  private child(id: string, block?: IacBlock): Stack | undefined {
    const done = this.children.get(id);
    if (done !== undefined) return done ?? undefined;
    this.children.set(id, null);
    const stack = this.loadChild(id, block);
    if (stack) {
      this.children.set(id, stack);
      stack.run();
    }
    return stack;
  }

  private loadChild(id: string, block: IacBlock | undefined): Stack | undefined {
    const entry = this.resources.get(id);
    if (!entry || entry.type === undefined) return undefined;
    const locKey = STACK_TYPES[entry.type] as string;
    const propsNode = get(entry.node, 'Properties');
    const locNode = get(propsNode, locKey);
    const line =
      propsNode?.k === 'map' ? (propsNode.keyLines[propsNode.keys.lastIndexOf(locKey)] ?? entry.line) : entry.line;
    const loc = block ? block.props[locKey] : locNode ? this.value(locNode) : undefined;
    if (typeof loc !== 'string') {
      const why = isPlainObject(loc)
        ? 'is a Serverless Application Repository application'
        : `cannot be resolved${describe(isUnknown(loc) ? loc : undefined)}`;
      this.problem('warning', line, `nested stack ${id}: ${locKey} ${why}; its resources are not scanned`);
      return undefined;
    }
    if (/^(https?|s3):\/\//i.test(loc)) {
      this.problem('warning', line, `nested stack ${id}: ${locKey} ${loc} is remote; its resources are not scanned`);
      return undefined;
    }
    const path = posix.normalize(posix.isAbsolute(loc) ? loc : posix.join(posix.dirname(this.file), loc));
    if (this.chain.includes(path)) {
      this.problem('error', line, `nested stack ${id}: ${path} includes itself (a loop); it is not read again`);
      return undefined;
    }
    if (this.chain.length > MAX_DEPTH) {
      this.problem('error', line, `nested stack ${id}: more than ${MAX_DEPTH} levels of nested stacks; not read`);
      return undefined;
    }
    const text = this.shared.io.readText(path);
    if (text === undefined) {
      this.problem('error', line, `nested stack ${id}: template ${path} (${locKey}) not found`);
      return undefined;
    }
    if (!this.shared.doc.files.includes(path)) this.shared.doc.files.push(path);
    this.shared.budget += BUDGET_PER_CHAR * text.length;
    const parsed = parseTemplate(path, text);
    if (parsed.kind === 'other') {
      this.problem('error', line, `nested stack ${id}: ${path} is not a CloudFormation template`);
      return undefined;
    }
    if (parsed.kind === 'malformed') {
      for (const e of parsed.errors) {
        this.shared.doc.problems.push({
          file: path,
          line: e.line,
          column: e.column,
          message: e.message,
          level: 'error',
        });
      }
      return undefined;
    }
    const paramsNode = get(propsNode, 'Parameters');
    const given = block ? block.props.Parameters : paramsNode ? this.value(paramsNode) : undefined;
    return new Stack(
      this.shared,
      path,
      parsed.root,
      `${this.prefix}${id}.`,
      [...this.chain, path],
      isPlainObject(given) ? given : {},
      false,
    );
  }

  /** A nested stack's output, for `!GetAtt Child.Outputs.Name` in its parent. */
  private output(name: string): unknown {
    if (this.outputCache.has(name)) return this.outputCache.get(name);
    this.outputCache.set(name, unknown(`output ${name} refers to itself`));
    let value: unknown;
    const out = get(this.outputs, name);
    const cond = str(get(out, 'Condition'));
    const valueNode = get(out, 'Value');
    if (out === undefined || valueNode === undefined) {
      value = unknown(`the nested stack has no output ${name}`);
    } else if (cond !== undefined && this.cond(cond, out.line) === false) {
      value = unknown(`output ${name} is not created (condition ${cond} is false)`);
    } else {
      value = this.value(valueNode);
      if (value === NO_VALUE) value = unknown(`output ${name} has no value`);
    }
    this.outputCache.set(name, value);
    return value;
  }

  // ---- conditions ----

  private cond(name: string, line?: number): boolean | Unknown {
    const cached = this.condCache.get(name);
    if (cached !== undefined) return cached;
    const node = get(this.conditions, name);
    if (node === undefined) {
      this.problem('warning', line, `condition ${name} is not defined`);
      const u = unknown(`condition ${name} is not defined`);
      this.condCache.set(name, u);
      return u;
    }
    if (this.condBusy.has(name)) return unknown(`condition ${name} refers to itself`);
    this.condBusy.add(name);
    const result = this.condition(node);
    this.condBusy.delete(name);
    this.condCache.set(name, result);
    return result;
  }

  private condition(node: SNode): boolean | Unknown {
    if (node.k === 'map' && node.keys.length === 1) {
      const arg = node.values[0] as SNode;
      const args = arg.k === 'seq' ? arg.items : [arg];
      switch (node.keys[0]) {
        case 'Condition':
          return this.cond(str(arg) ?? '', node.line);
        case 'Fn::Equals': {
          if (args.length !== 2) return unknown('Fn::Equals needs two values');
          const a = this.value(args[0] as SNode);
          const b = this.value(args[1] as SNode);
          const u = firstUnknown(a) ?? firstUnknown(b);
          if (u) return u;
          if (hasRef(a) || hasRef(b)) return unknown('Fn::Equals compares a resource attribute');
          return canon(a) === canon(b);
        }
        case 'Fn::Not': {
          const r = this.condition(args[0] as SNode);
          return isUnknown(r) ? r : !r;
        }
        case 'Fn::And':
        case 'Fn::Or': {
          const and = node.keys[0] === 'Fn::And';
          let pending: Unknown | undefined;
          for (const a of args) {
            const r = this.condition(a);
            if (isUnknown(r)) pending ??= r;
            else if (r !== and) return r;
          }
          return pending ?? and;
        }
      }
    }
    const v = this.value(node);
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return isUnknown(v) ? v : unknown('a condition that is not a condition function');
  }

  // ---- values ----

  /**
   * The plain value of a node. With `path` (the prop path of the node in the block), records the line of every
   * key and list element under it in the block's `lines`; without it (function arguments), records nothing.
   */
  value(node: SNode, path?: string): unknown {
    if (--this.shared.budget < 0) throw new ExpansionError('the template expands beyond any real template size');
    if (node.k === 'scalar') return node.v;
    if (node.k === 'seq') {
      const out: unknown[] = [];
      for (const item of node.items) {
        const p = path === undefined ? undefined : path === '' ? String(out.length) : `${path}.${out.length}`;
        const v = this.value(item, p);
        if (v === NO_VALUE) continue;
        if (p !== undefined) this.lines[p] = item.line;
        out.push(v);
      }
      return out;
    }
    if (node.keys.length === 1) {
      const key = node.keys[0] as string;
      if (key === 'Ref' || key.startsWith('Fn::')) return this.fn(key, node.values[0] as SNode, node, path);
    }
    const out: Record<string, unknown> = {};
    const { keys, values, keyLines } = node;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const p = path === undefined ? undefined : path === '' ? key : `${path}.${key}`;
      const v = this.value(values[i] as SNode, p);
      if (v === NO_VALUE) continue;
      if (p !== undefined) this.lines[p] = keyLines[i] as number;
      if (key === '__proto__') setKey(out, key, v);
      else out[key] = v;
    }
    return out;
  }

  /** A string piece of Fn::Sub / Fn::Join: references render as `${Res.Attr}`; Unknown stays Unknown. */
  private text(v: unknown, what: string): string | Unknown {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (isRef(v)) return renderRef(v);
    if (isUnknown(v)) {
      const placeholder = (v as unknown as { $text?: unknown }).$text;
      return typeof placeholder === 'string' ? placeholder : v;
    }
    return unknown(`${what} of a value that is not a string`);
  }

  private ref(name: string, line: number): unknown {
    if (this.params.has(name)) return this.params.get(name);
    if (Object.hasOwn(PSEUDO, name)) return PSEUDO[name];
    if (PSEUDO_UNKNOWN.has(name)) {
      // Unknown as a whole value; inside a string (Fn::Sub, Fn::Join) it renders as `${AWS::AccountId}`, so an
      // ARN built from it keeps its known shape (it can never be '*'), as Terraform renders data-source reads.
      return { ...unknown(`${name} is known only at deployment`), $text: `\${${name}}` };
    }
    const r = this.resources.get(name);
    if (r) {
      if (r.created === false) return unknown(`resource ${name} is not created (its condition is false)`);
      return { $ref: this.prefix + name };
    }
    if (!this.sam)
      this.problem('warning', line, `Ref to ${name}, which is not a parameter or resource of the template`);
    return unknown(`${name} is not defined in the template`);
  }

  private getAtt(name: string, attr: string, line: number): unknown {
    const r = this.resources.get(name);
    if (!r) {
      if (!this.sam) this.problem('warning', line, `Fn::GetAtt on ${name}, which is not a resource of the template`);
      return unknown(`${name} is not defined in the template`);
    }
    if (r.created === false) return unknown(`resource ${name} is not created (its condition is false)`);
    if (r.type !== undefined && STACK_TYPES[r.type] !== undefined && attr.startsWith('Outputs.')) {
      const child = this.child(name);
      const output = attr.slice('Outputs.'.length);
      return child ? child.output(output) : unknown(`output ${output} of nested stack ${name}, which is not read`);
    }
    return { $ref: this.prefix + name, attr };
  }

  private args(arg: SNode): SNode[] {
    return arg.k === 'seq' ? arg.items : [arg];
  }

  private fn(key: string, arg: SNode, node: SNode, path: string | undefined): unknown {
    switch (key) {
      case 'Ref': {
        const name = str(arg);
        return name === undefined ? unknown('Ref needs a name') : this.ref(name, node.line);
      }
      case 'Fn::GetAtt': {
        if (arg.k === 'scalar' && typeof arg.v === 'string') {
          const dot = arg.v.indexOf('.');
          if (dot < 0) return unknown(`Fn::GetAtt ${arg.v} has no attribute`);
          return this.getAtt(arg.v.slice(0, dot), arg.v.slice(dot + 1), node.line);
        }
        const [res, ...rest] = this.args(arg).map((a) => this.value(a));
        const attr = rest.join('.');
        if (typeof res !== 'string' || rest.length === 0 || rest.some((r) => typeof r !== 'string')) {
          return firstUnknown(rest) ?? unknown('Fn::GetAtt needs a resource and an attribute name');
        }
        return this.getAtt(res, attr, node.line);
      }
      case 'Fn::Sub':
        return this.sub(arg, node.line);
      case 'Fn::Join': {
        const [sep, list] = this.args(arg).map((a) => this.value(a));
        if (isUnknown(list)) return list;
        if (typeof sep !== 'string' || !Array.isArray(list)) return unknown('Fn::Join needs a delimiter and a list');
        const parts: string[] = [];
        for (const x of list) {
          const t = this.text(x, 'Fn::Join');
          if (isUnknown(t)) return t;
          parts.push(t);
        }
        return parts.join(sep);
      }
      case 'Fn::Select': {
        const [index, list] = this.args(arg).map((a) => this.value(a));
        if (isUnknown(index)) return index;
        if (isUnknown(list)) return list;
        const i = Number(index);
        if (!Array.isArray(list) || !Number.isInteger(i)) return unknown('Fn::Select needs an index and a list');
        return i >= 0 && i < list.length ? list[i] : unknown(`Fn::Select index ${i} is out of range`);
      }
      case 'Fn::Split': {
        const [sep, source] = this.args(arg).map((a) => this.value(a));
        if (isUnknown(source)) return source;
        if (isRef(source)) return unknown(`Fn::Split of ${renderRef(source)}`);
        if (typeof sep !== 'string' || typeof source !== 'string') return unknown('Fn::Split needs two strings');
        return source.split(sep);
      }
      case 'Fn::FindInMap':
        return this.findInMap(this.args(arg), node.line);
      case 'Fn::If': {
        const args = this.args(arg);
        const name = str(args[0]);
        if (args.length !== 3 || name === undefined) return unknown('Fn::If needs a condition and two values');
        const c = this.cond(name, node.line);
        if (c === true) return this.value(args[1] as SNode, path);
        if (c === false) return this.value(args[2] as SNode, path);
        const a = this.value(args[1] as SNode);
        const b = this.value(args[2] as SNode);
        if (a === b || (a !== NO_VALUE && b !== NO_VALUE && canon(a) === canon(b) && !firstUnknown(a))) return a;
        return unknown(`condition ${name} is unknown${describe(c)}`);
      }
      case 'Fn::ImportValue': {
        const name = this.value(arg);
        return unknown(`a value exported by another stack${typeof name === 'string' ? ` (${name})` : ''}`);
      }
      case 'Fn::GetAZs':
        return unknown('the Availability Zones of the region the stack is deployed to');
      case 'Fn::Cidr': {
        const values = this.args(arg).map((a) => this.value(a));
        const u = firstUnknown(values);
        if (u) return u;
        const [block, count, bits] = values;
        const subnets = typeof block === 'string' ? cidrSubnets(block, Number(count), Number(bits)) : undefined;
        return subnets ?? unknown('Fn::Cidr with arguments it cannot split');
      }
      case 'Fn::Base64': {
        const t = this.text(this.value(arg), 'Fn::Base64');
        return isUnknown(t) ? t : Buffer.from(t, 'utf8').toString('base64');
      }
      case 'Fn::Transform': {
        const name = str(get(arg, 'Name'));
        return unknown(`the output of macro ${name ?? '(unnamed)'}`);
      }
      case 'Fn::Length': {
        const v = this.value(arg);
        if (isUnknown(v)) return v;
        return Array.isArray(v) ? v.length : unknown('Fn::Length of a value that is not a list');
      }
      case 'Fn::ToJsonString': {
        const v = this.value(arg);
        return firstUnknown(v) ?? JSON.stringify(renderRefs(v));
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.condition(node);
      default:
        return unknown(`${key} is not supported`);
    }
  }

  private findInMap(args: SNode[], line: number): unknown {
    const keys = args.slice(0, 3).map((a) => this.value(a));
    const u = firstUnknown(keys);
    if (u) return u;
    if (keys.length < 3 || keys.some((k) => typeof k !== 'string' && typeof k !== 'number')) {
      return unknown('Fn::FindInMap needs a map name and two keys');
    }
    const [map, top, second] = keys.map(String) as [string, string, string];
    const found = get(get(get(this.mappings, map), top), second);
    if (found !== undefined) return this.value(found);
    const fallback = get(args[3], 'DefaultValue');
    if (fallback !== undefined) return this.value(fallback);
    this.problem('warning', line, `Fn::FindInMap: ${map} has no ${top}.${second}`);
    return unknown(`Fn::FindInMap: ${map} has no ${top}.${second}`);
  }

  private sub(arg: SNode, line: number): unknown {
    const args = this.args(arg);
    const template = this.value(args[0] as SNode);
    if (isUnknown(template)) return template;
    if (typeof template !== 'string') return unknown('Fn::Sub needs a string');
    const vars = args[1];
    const cache = new Map<string, unknown>();
    let out = '';
    let last = 0;
    for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
      out += template.slice(last, m.index);
      last = m.index + m[0].length;
      const name = (m[1] as string).trim();
      if (name.startsWith('!')) {
        out += `\${${name.slice(1)}}`;
        continue;
      }
      let v = cache.get(name);
      if (v === undefined) {
        const own = get(vars, name);
        if (own !== undefined) v = this.value(own);
        else if (name.includes('.') && !name.startsWith('AWS::')) {
          const dot = name.indexOf('.');
          v = this.getAtt(name.slice(0, dot), name.slice(dot + 1), line);
        } else v = this.ref(name, line);
        cache.set(name, v);
      }
      const t = v === NO_VALUE ? unknown('Fn::Sub of AWS::NoValue') : this.text(v, 'Fn::Sub');
      if (isUnknown(t)) return t;
      out += t;
    }
    return out + template.slice(last);
  }
}
