import { type Expr, ParseError, parseExpr, parseTemplate, type Step, type TplPart } from './expr.js';
import { callFunction } from './functions.js';
import { asUnk, ExprError, equal, isObj, type Obj, RefV, typeName, Unk, UnknownSignal } from './values.js';

/** What expressions can see of their module: variables, locals, references. Implemented by the loader. */
export interface Env {
  variable(name: string): unknown;
  local(name: string): unknown;
  /** A root name that is not a built-in (a resource type), with the traversal after it. */
  resource(type: string, steps: Step[], ctx: Ctx): unknown;
  data(steps: Step[], ctx: Ctx): unknown;
  module(steps: Step[], ctx: Ctx): unknown;
  /** path.module / path.root / path.cwd */
  path(which: string): string;
  readFile(path: string): string | undefined;
}

export interface Ctx {
  env: Env;
  /** For-expression and dynamic-block iterator variables, count and each. */
  vars?: ReadonlyMap<string, unknown>;
  /** count.index: undefined when the block has no count. */
  count?: unknown;
  each?: { key: unknown; value: unknown };
}

export const withVars = (ctx: Ctx, add: Record<string, unknown>): Ctx => {
  const vars = new Map(ctx.vars ?? []);
  for (const [k, v] of Object.entries(add)) vars.set(k, v);
  return { ...ctx, vars };
};

const exprCache = new Map<string, Expr | ParseError>();
/** Entries kept across scans: enough for one large configuration, bounded for a long-running process. */
const CACHE_LIMIT = 100_000;
const remember = (key: string, e: Expr | ParseError): void => {
  if (exprCache.size >= CACHE_LIMIT) exprCache.clear();
  exprCache.set(key, e);
};

/** hcl2json's string (a template: literal text, `${…}` interpolations, `%{…}` directives) → syntax tree, cached. */
export function compileString(s: string): Expr | ParseError {
  let e = exprCache.get(s);
  if (e === undefined) {
    try {
      const parts = parseTemplate(s, false);
      if (parts.length === 0) e = { k: 'lit', v: '' };
      else if (parts.length === 1 && typeof parts[0] === 'string') e = { k: 'lit', v: parts[0] };
      else e = { k: 'tpl', parts };
    } catch (err) {
      e = err instanceof ParseError ? err : new ParseError(String(err));
    }
    remember(s, e);
  }
  return e;
}

export function compileExpr(src: string): Expr | ParseError {
  const key = `\0${src}`;
  let e = exprCache.get(key);
  if (e === undefined) {
    try {
      e = parseExpr(src);
    } catch (err) {
      e = err instanceof ParseError ? err : new ParseError(String(err));
    }
    remember(key, e);
  }
  return e;
}

/**
 * Evaluates one hcl2json value (strings are templates; objects and arrays hold more values) to an internal value.
 * Never throws: an expression error becomes an Unk with the message.
 */
export function evalJson(v: unknown, ctx: Ctx): unknown {
  if (typeof v === 'string') {
    if (!v.includes('{')) return v;
    const e = compileString(v);
    if (e instanceof ParseError) return new Unk(`expression not understood: ${e.message}`);
    return safeEval(e, ctx);
  }
  if (Array.isArray(v)) return v.map((x) => evalJson(x, ctx));
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      let key = k;
      if (k.includes('{')) {
        const kv = evalJson(k, ctx);
        if (typeof kv !== 'string' && typeof kv !== 'number' && typeof kv !== 'boolean') {
          return new Unk(`an object key is not known (${k})`);
        }
        key = String(kv);
      }
      out[key] = evalJson(x, ctx);
    }
    return out;
  }
  return v;
}

export function safeEval(e: Expr, ctx: Ctx): unknown {
  try {
    return ev(e, ctx);
  } catch (err) {
    if (err instanceof UnknownSignal) return err.value;
    if (err instanceof ExprError) return new Unk(err.message);
    if (err instanceof RangeError) return new Unk('expression too deep to evaluate');
    // A bug of this evaluator must not stop the scan: the value is not known, and says why.
    return new Unk(`expression not evaluated: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const shown = (v: unknown): string => (v instanceof Unk ? v.why : v instanceof RefV ? v.rendered : typeName(v));

/** An Unk for an operation on a value that is not known. */
const unkOf = (v: Unk | RefV): Unk => asUnk(v);

export const isTrue = (v: unknown, what: string): boolean => {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  if (v instanceof Unk || v instanceof RefV) throw new UnknownSignal(unkOf(v));
  throw new ExprError(`${what} must be a bool, not ${typeName(v)}`);
};

export const toNumber = (v: unknown): number => {
  if (typeof v === 'number') return v;
  if (v instanceof Unk || v instanceof RefV) throw new UnknownSignal(unkOf(v));
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new ExprError(`a number is required, not ${typeName(v)}`);
};

/** A value inside a string: refs and data-source reads render as their expression, other unknowns spread. */
export function toStringPart(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof RefV) return v.rendered;
  if (v instanceof Unk) {
    if (v.render !== undefined) return v.render;
    throw new UnknownSignal(v);
  }
  if (v === null) throw new ExprError('a null value cannot be put into a string');
  throw new ExprError(`a ${typeName(v)} cannot be put into a string`);
}

function evalTemplate(parts: TplPart[], ctx: Ctx): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (p.k === 'interp') out += toStringPart(ev(p.e, ctx));
    else if (p.k === 'if') out += evalTemplate(isTrue(ev(p.c, ctx), 'a template condition') ? p.yes : p.no, ctx);
    else {
      for (const [k, v] of iterate(ev(p.coll, ctx))) {
        out += evalTemplate(p.body, withVars(ctx, p.keyVar ? { [p.keyVar]: k, [p.valVar]: v } : { [p.valVar]: v }));
      }
    }
  }
  return out;
}

/** Key/value pairs of a collection (lists by index, maps by sorted key, as Terraform iterates). */
export function iterate(coll: unknown): Array<[unknown, unknown]> {
  if (coll instanceof Unk || coll instanceof RefV) throw new UnknownSignal(unkOf(coll));
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObj(coll))
    return Object.keys(coll)
      .sort()
      .map((k) => [k, coll[k]]);
  if (coll === null) throw new ExprError('cannot iterate over null');
  throw new ExprError(`cannot iterate over a ${typeName(coll)}`);
}

/** Applies attribute / index / splat steps to a value. */
export function applySteps(v: unknown, steps: readonly Step[], ctx: Ctx): unknown {
  let cur = v;
  for (let n = 0; n < steps.length; n++) {
    const s = steps[n] as Step;
    if (cur instanceof Unk) return cur.render !== undefined ? new Unk(cur.why) : cur;
    if ('splat' in s) {
      const rest = steps.slice(n + 1);
      if (cur instanceof RefV) return new Unk(`splat over ${cur.rendered} is not known before apply`);
      const list = cur === null ? [] : Array.isArray(cur) ? cur : [cur];
      return list.map((x) => applySteps(x, rest, ctx));
    }
    if (cur instanceof RefV) {
      let part: string;
      if ('a' in s) part = s.a;
      else {
        const i = ev(s.i, ctx);
        if (i instanceof Unk || i instanceof RefV) return unkOf(i);
        part = `[${typeof i === 'number' ? i : JSON.stringify(i)}]`;
      }
      const attr = cur.attr === undefined ? part : part.startsWith('[') ? cur.attr + part : `${cur.attr}.${part}`;
      cur = new RefV(cur.address, attr.startsWith('[') ? undefined : attr);
      continue;
    }
    if ('a' in s) {
      if (isObj(cur)) {
        if (!(s.a in cur)) throw new ExprError(`no attribute "${s.a}"`);
        cur = cur[s.a];
      } else throw new ExprError(`cannot read attribute "${s.a}" of a ${typeName(cur)}`);
      continue;
    }
    const i = ev(s.i, ctx);
    if (i instanceof Unk || i instanceof RefV) return unkOf(i);
    cur = index(cur, i);
  }
  return cur;
}

export function index(coll: unknown, i: unknown): unknown {
  if (Array.isArray(coll)) {
    const n = toNumber(i);
    if (!Number.isInteger(n) || n < 0 || n >= coll.length) throw new ExprError(`index ${n} out of range`);
    return coll[n];
  }
  if (isObj(coll)) {
    const k = typeof i === 'string' ? i : typeof i === 'number' || typeof i === 'boolean' ? String(i) : undefined;
    if (k === undefined) throw new ExprError(`a ${typeName(i)} cannot be a key`);
    if (!(k in coll)) throw new ExprError(`no element "${k}"`);
    return coll[k];
  }
  if (coll === null) throw new ExprError('cannot index null');
  throw new ExprError(`cannot index a ${typeName(coll)}`);
}

const ARITH: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};
const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
};

const notKnown = (v: unknown): v is Unk | RefV => v instanceof Unk || v instanceof RefV;

function containsNotKnown(v: unknown): Unk | RefV | undefined {
  if (notKnown(v)) return v;
  if (Array.isArray(v)) for (const x of v) if (containsNotKnown(x)) return containsNotKnown(x);
  if (isObj(v)) for (const x of Object.values(v)) if (containsNotKnown(x)) return containsNotKnown(x);
  return undefined;
}

/** Evaluates a syntax tree. Throws ExprError / UnknownSignal (safeEval catches them). */
export function ev(e: Expr, ctx: Ctx): unknown {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'tpl': {
      const only = e.parts.length === 1 ? e.parts[0] : undefined;
      if (only !== undefined && typeof only !== 'string' && only.k === 'interp') return ev(only.e, ctx);
      try {
        return evalTemplate(e.parts, ctx);
      } catch (err) {
        if (err instanceof UnknownSignal) return err.value;
        throw err;
      }
    }
    case 'path':
      return evalPath(e.root, e.steps, ctx);
    case 'post':
      return applySteps(ev(e.base, ctx), e.steps, ctx);
    case 'call':
      return callFunction(e, ctx);
    case 'tuple':
      return e.items.map((x) => ev(x, ctx));
    case 'object': {
      const out: Obj = {};
      for (const [ke, ve] of e.items) {
        const k = ev(ke, ctx);
        if (notKnown(k)) return new Unk(`an object key is not known: ${shown(k)}`);
        if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') {
          throw new ExprError(`a ${typeName(k)} cannot be an object key`);
        }
        out[String(k)] = ev(ve, ctx);
      }
      return out;
    }
    case 'un': {
      const x = ev(e.x, ctx);
      if (notKnown(x)) return unkOf(x);
      return e.op === '!' ? !isTrue(x, 'the operand of !') : -toNumber(x);
    }
    case 'bin':
      return binary(e.op, e.l, e.r, ctx);
    case 'cond': {
      const c = ev(e.c, ctx);
      if (notKnown(c)) return unkOf(c);
      return ev(isTrue(c, 'a condition') ? e.t : e.f, ctx);
    }
    case 'for':
      return evalFor(e, ctx);
  }
}

function binary(op: string, le: Expr, re: Expr, ctx: Ctx): unknown {
  const l = ev(le, ctx);
  if (op === '&&' || op === '||') {
    // A known side that decides the result wins over an unknown other side.
    const decisive = op === '||';
    if (!notKnown(l) && isTrue(l, `the operands of ${op}`) === decisive) return decisive;
    const r = ev(re, ctx);
    if (!notKnown(r) && isTrue(r, `the operands of ${op}`) === decisive) return decisive;
    if (notKnown(l)) return unkOf(l);
    if (notKnown(r)) return unkOf(r);
    return !decisive;
  }
  const r = ev(re, ctx);
  if (op === '==' || op === '!=') {
    const u = containsNotKnown(l) ?? containsNotKnown(r);
    if (u) return unkOf(u);
    const eq = equal(l, r);
    return op === '==' ? eq : !eq;
  }
  if (notKnown(l)) return unkOf(l);
  if (notKnown(r)) return unkOf(r);
  const a = toNumber(l);
  const b = toNumber(r);
  const arith = ARITH[op];
  if (arith) return arith(a, b);
  const cmp = COMPARE[op];
  if (cmp) return cmp(a, b);
  throw new ExprError(`operator ${op} is not supported`);
}

function evalFor(e: Extract<Expr, { k: 'for' }>, ctx: Ctx): unknown {
  const coll = ev(e.coll, ctx);
  if (notKnown(coll)) return new Unk(`a for expression over a value that is not known (${shown(coll)})`);
  const pairs = iterate(coll);
  const list: unknown[] = [];
  const obj: Obj = {};
  for (const [k, v] of pairs) {
    const inner = withVars(ctx, e.keyVar ? { [e.keyVar]: k, [e.valVar]: v } : { [e.valVar]: v });
    if (e.cond) {
      const c = ev(e.cond, inner);
      if (notKnown(c)) return unkOf(c);
      if (!isTrue(c, 'a for expression condition')) continue;
    }
    if (!e.obj) {
      list.push(ev(e.val, inner));
      continue;
    }
    const key = ev(e.key as Expr, inner);
    if (notKnown(key)) return unkOf(key);
    if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
      throw new ExprError(`a ${typeName(key)} cannot be an object key`);
    }
    const ks = String(key);
    const val = ev(e.val, inner);
    if (e.group) {
      const group = Array.isArray(obj[ks]) ? (obj[ks] as unknown[]) : [];
      group.push(val);
      obj[ks] = group;
    } else {
      if (ks in obj) throw new ExprError(`duplicate key "${ks}" in a for expression`);
      obj[ks] = val;
    }
  }
  return e.obj ? obj : list;
}

function evalPath(root: string, steps: Step[], ctx: Ctx): unknown {
  if (ctx.vars?.has(root)) return applySteps(ctx.vars.get(root), steps, ctx);
  const first = steps[0];
  const name = first && 'a' in first ? first.a : undefined;
  switch (root) {
    case 'var':
      if (name === undefined) throw new ExprError('var must be followed by a variable name');
      return applySteps(ctx.env.variable(name), steps.slice(1), ctx);
    case 'local':
      if (name === undefined) throw new ExprError('local must be followed by a name');
      return applySteps(ctx.env.local(name), steps.slice(1), ctx);
    case 'count':
      if (name !== 'index') throw new ExprError('count has only index');
      if (ctx.count === undefined) throw new ExprError('count.index is used in a block without count');
      return applySteps(ctx.count, steps.slice(1), ctx);
    case 'each':
      if (name !== 'key' && name !== 'value') throw new ExprError('each has only key and value');
      if (ctx.each === undefined) throw new ExprError(`each.${name} is used in a block without for_each`);
      return applySteps(ctx.each[name], steps.slice(1), ctx);
    case 'path':
      if (name !== 'module' && name !== 'root' && name !== 'cwd') throw new ExprError(`path.${name} does not exist`);
      return applySteps(ctx.env.path(name), steps.slice(1), ctx);
    case 'terraform':
      return new Unk(`terraform.${name ?? ''} depends on how Terraform runs`);
    case 'self':
      return new Unk('self is known only at apply time');
    case 'data':
      return ctx.env.data(steps, ctx);
    case 'module':
      return ctx.env.module(steps, ctx);
    default:
      return ctx.env.resource(root, steps, ctx);
  }
}

/** The text of a traversal (for messages and rendered references). */
export function traversalText(root: string, steps: readonly Step[], ctx: Ctx): string {
  let out = root;
  for (const s of steps) {
    if ('a' in s) out += `.${s.a}`;
    else if ('splat' in s) out += '[*]';
    else {
      let i: unknown;
      try {
        i = ev(s.i, ctx);
      } catch {
        i = undefined;
      }
      out += typeof i === 'number' || typeof i === 'string' ? `[${JSON.stringify(i)}]` : '[?]';
    }
  }
  return out;
}
