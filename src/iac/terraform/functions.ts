import { createHash } from 'node:crypto';
import { type Ctx, ev, toNumber, toStringPart } from './evaluate.js';
import type { Expr } from './expr.js';
import {
  asSet,
  asUnk,
  ExprError,
  equal,
  firstUnknown,
  isObj,
  type Obj,
  RefV,
  typeName,
  Unk,
  UnknownSignal,
} from './values.js';

/** Built-in functions that security-relevant values go through; the rest give Unknown with the reason. */

type Fn = (args: unknown[], ctx: Ctx) => unknown;

const need = (v: unknown): unknown => {
  if (v instanceof Unk || v instanceof RefV) throw new UnknownSignal(asUnk(v));
  return v;
};

const str = (v: unknown, fn: string): string => {
  const x = need(v);
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  throw new ExprError(`${fn}: a string is required, not ${typeName(x)}`);
};

const list = (v: unknown, fn: string): unknown[] => {
  const x = need(v);
  if (Array.isArray(x)) return x;
  throw new ExprError(`${fn}: a list is required, not ${typeName(x)}`);
};

const obj = (v: unknown, fn: string): Obj => {
  const x = need(v);
  if (isObj(x)) return x;
  throw new ExprError(`${fn}: a map is required, not ${typeName(x)}`);
};

const arity = (args: unknown[], n: number, fn: string): void => {
  if (args.length < n) throw new ExprError(`${fn} needs ${n} argument${n > 1 ? 's' : ''}`);
};

/** JSON text as Terraform's jsonencode writes it: compact, keys sorted, <>& escaped. */
function jsonText(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (x instanceof RefV) return x.rendered;
    if (x instanceof Unk) {
      if (x.render !== undefined) return x.render;
      throw new UnknownSignal(x);
    }
    if (Array.isArray(x)) return x.map(norm);
    if (isObj(x)) {
      const out: Obj = {};
      for (const k of Object.keys(x).sort()) out[k] = norm(x[k]);
      return out;
    }
    return x;
  };
  return JSON.stringify(norm(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function format(fmt: string, args: unknown[]): string {
  let n = 0;
  return fmt.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdvqftbxXeEgGo])/g, (m, spec: string) => {
    if (spec === '%') return '%';
    if (n >= args.length) throw new ExprError('format: not enough arguments');
    const a = args[n++];
    const verb = spec[spec.length - 1];
    switch (verb) {
      case 'd':
        return String(Math.trunc(toNumber(a)));
      case 'f': {
        const p = /\.(\d+)/.exec(spec);
        return toNumber(a).toFixed(p ? Number(p[1]) : 6);
      }
      case 'q':
        return JSON.stringify(toStringPart(a));
      case 's':
      case 'v':
        return isObj(a) || Array.isArray(a) ? jsonText(a) : toStringPart(a);
      default:
        throw new ExprError(`format: verb ${m} is not supported`);
    }
  });
}

const flatten = (v: unknown[]): unknown[] => v.flatMap((x) => (Array.isArray(x) ? flatten(x) : [need(x)]));

/** Equality that also holds for two references to the same attribute. */
const same = (x: unknown, y: unknown): boolean =>
  x instanceof RefV || y instanceof RefV
    ? x instanceof RefV && y instanceof RefV && x.rendered === y.rendered
    : equal(x, y);

const distinct = (v: unknown[]): unknown[] => {
  const out: unknown[] = [];
  for (const x of v) {
    if (x instanceof Unk) throw new UnknownSignal(x);
    if (!out.some((y) => same(x, y))) out.push(x);
  }
  return out;
};

/** RE2 syntax as Terraform writes it → a JS RegExp (named groups `(?P<n>` → `(?<n>`). */
const re2 = (pattern: string, flags = ''): RegExp => {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), flags);
  } catch {
    throw new ExprError(`the regular expression ${JSON.stringify(pattern)} is not supported here`);
  }
};

const captures = (m: RegExpMatchArray): unknown => {
  if (m.groups && Object.keys(m.groups).length > 0) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(m.groups)) out[k] = v ?? null;
    return out;
  }
  return m.length > 1 ? m.slice(1).map((x) => x ?? null) : m[0];
};

const hash =
  (algo: string, enc: 'hex' | 'base64'): Fn =>
  ([v]) =>
    createHash(algo).update(str(v, algo), 'utf8').digest(enc);

const unsupported =
  (why: string): Fn =>
  () =>
    new Unk(why);

const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([v]) => jsonText(v),
  jsondecode: ([v]) => {
    try {
      return JSON.parse(str(v, 'jsondecode'));
    } catch (e) {
      if (e instanceof SyntaxError) throw new ExprError(`jsondecode: ${e.message}`);
      throw e;
    }
  },
  yamlencode: unsupported('yamlencode is not evaluated'),
  yamldecode: unsupported('yamldecode is not evaluated'),
  merge: (args) => {
    const out: Obj = {};
    for (const a of args) {
      if (a === null) continue;
      Object.assign(out, obj(a, 'merge'));
    }
    return out;
  },
  concat: (args) => args.flatMap((a) => list(a, 'concat')),
  flatten: ([v]) => flatten(list(v, 'flatten')),
  lookup: (args) => {
    arity(args, 2, 'lookup');
    const m = obj(args[0], 'lookup');
    const k = str(args[1], 'lookup');
    if (k in m) return m[k];
    if (args.length > 2) return args[2];
    throw new ExprError(`lookup: no key "${k}"`);
  },
  element: (args) => {
    arity(args, 2, 'element');
    const l = list(args[0], 'element');
    if (l.length === 0) throw new ExprError('element: empty list');
    const i = toNumber(args[1]);
    return l[((Math.floor(i) % l.length) + l.length) % l.length];
  },
  length: ([v]) => {
    const x = need(v);
    if (typeof x === 'string') return [...x].length;
    if (Array.isArray(x)) return x.length;
    if (isObj(x)) return Object.keys(x).length;
    throw new ExprError(`length: a collection is required, not ${typeName(x)}`);
  },
  keys: ([v]) => Object.keys(obj(v, 'keys')).sort(),
  values: ([v]) => {
    const m = obj(v, 'values');
    return Object.keys(m)
      .sort()
      .map((k) => m[k]);
  },
  tolist: ([v]) => (isObj(need(v)) ? Object.values(v as Obj) : list(v, 'tolist')),
  toset: ([v]) => {
    const l = list(v, 'toset');
    const d = distinct(l);
    return asSet(d.every((x) => typeof x === 'string') ? (d as string[]).sort() : d);
  },
  tomap: ([v]) => obj(v, 'tomap'),
  tostring: ([v]) => (v === null ? null : str(v, 'tostring')),
  tonumber: ([v]) => (v === null ? null : toNumber(v)),
  tobool: ([v]) => {
    const x = need(v);
    if (x === null || typeof x === 'boolean') return x;
    if (x === 'true' || x === 'false') return x === 'true';
    throw new ExprError(`tobool: cannot convert ${typeName(x)}`);
  },
  sensitive: ([v]) => v,
  nonsensitive: ([v]) => v,
  format: (args) => {
    arity(args, 1, 'format');
    return format(str(args[0], 'format'), args.slice(1));
  },
  formatlist: unsupported('formatlist is not evaluated'),
  lower: ([v]) => str(v, 'lower').toLowerCase(),
  upper: ([v]) => str(v, 'upper').toUpperCase(),
  title: ([v]) => str(v, 'title').replace(/\b\p{L}/gu, (c) => c.toUpperCase()),
  join: (args) => {
    arity(args, 2, 'join');
    const sep = str(args[0], 'join');
    return args
      .slice(1)
      .flatMap((a) => list(a, 'join'))
      .map(toStringPart)
      .join(sep);
  },
  split: (args) => {
    arity(args, 2, 'split');
    return str(args[1], 'split').split(str(args[0], 'split'));
  },
  replace: (args) => {
    arity(args, 3, 'replace');
    const s = str(args[0], 'replace');
    const find = str(args[1], 'replace');
    // The replacement is put into the string as an interpolation would: references render as their expression.
    const by = toStringPart(args[2]);
    if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) {
      try {
        return s.replace(new RegExp(find.slice(1, -1), 'g'), by.replace(/\$\{?(\d+)\}?/g, '$$$1'));
      } catch {
        return new Unk('replace: the regular expression is not supported');
      }
    }
    return s.split(find).join(by);
  },
  trimspace: ([v]) => str(v, 'trimspace').trim(),
  trimprefix: (args) => {
    const s = str(args[0], 'trimprefix');
    const p = str(args[1], 'trimprefix');
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (args) => {
    const s = str(args[0], 'trimsuffix');
    const p = str(args[1], 'trimsuffix');
    return p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  trim: (args) => {
    const s = str(args[0], 'trim');
    const cut = new Set([...str(args[1], 'trim')]);
    const chars = [...s];
    let a = 0;
    let b = chars.length;
    while (a < b && cut.has(chars[a] as string)) a++;
    while (b > a && cut.has(chars[b - 1] as string)) b--;
    return chars.slice(a, b).join('');
  },
  substr: (args) => {
    const chars = [...str(args[0], 'substr')];
    let off = toNumber(args[1]);
    const len = toNumber(args[2]);
    if (off < 0) off += chars.length;
    return chars.slice(off, len < 0 ? undefined : off + len).join('');
  },
  startswith: (args) => str(args[0], 'startswith').startsWith(str(args[1], 'startswith')),
  endswith: (args) => str(args[0], 'endswith').endsWith(str(args[1], 'endswith')),
  strcontains: (args) => str(args[0], 'strcontains').includes(str(args[1], 'strcontains')),
  coalesce: (args) => {
    for (const a of args) {
      need(a);
      if (a !== null && a !== '') return a;
    }
    throw new ExprError('coalesce: no non-null argument');
  },
  coalescelist: (args) => {
    for (const a of args) if (list(a, 'coalescelist').length > 0) return a;
    throw new ExprError('coalescelist: no non-empty list');
  },
  contains: (args) => {
    arity(args, 2, 'contains');
    const l = list(args[0], 'contains');
    const x = need(args[1]);
    for (const y of l) {
      if (firstUnknown(y)) throw new UnknownSignal(asUnk(firstUnknown(y) as Unk));
      if (equal(x, y)) return true;
    }
    return false;
  },
  distinct: ([v]) => distinct(list(v, 'distinct')),
  compact: ([v]) =>
    list(v, 'compact').filter((x) => {
      if (x instanceof Unk) throw new UnknownSignal(x);
      return x !== null && x !== '';
    }),
  regex: (args) => {
    arity(args, 2, 'regex');
    const m = str(args[1], 'regex').match(re2(str(args[0], 'regex')));
    if (!m) throw new ExprError('regex: no match');
    return captures(m);
  },
  regexall: (args) => {
    arity(args, 2, 'regexall');
    return [...str(args[1], 'regexall').matchAll(re2(str(args[0], 'regexall'), 'g'))].map(captures);
  },
  basename: ([v]) => str(v, 'basename').replace(/\/+$/, '').split('/').pop() ?? '',
  dirname: ([v]) => {
    const p = str(v, 'dirname').replace(/\/+$/, '');
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
  },
  abspath: unsupported('abspath() depends on where Terraform runs'),
  pathexpand: unsupported('pathexpand() depends on where Terraform runs'),
  index: (args) => {
    arity(args, 2, 'index');
    const l = list(args[0], 'index');
    const x = need(args[1]);
    const i = l.findIndex((y) => equal(need(y), x));
    if (i < 0) throw new ExprError('index: the value is not in the list');
    return i;
  },
  setintersection: (args) => {
    const [first = [], ...rest] = args.map((a) => distinct(list(a, 'setintersection')));
    return first.filter((x) => rest.every((l) => l.some((y) => same(x, y))));
  },
  setsubtract: (args) => {
    const a = distinct(list(args[0], 'setsubtract'));
    const b = list(args[1], 'setsubtract');
    return a.filter((x) => !b.some((y) => same(x, y)));
  },
  chunklist: (args) => {
    const l = list(args[0], 'chunklist');
    const n = toNumber(args[1]);
    if (n <= 0) return [l];
    const out: unknown[][] = [];
    for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
    return out;
  },
  urlencode: ([v]) => encodeURIComponent(str(v, 'urlencode')),
  md5: hash('md5', 'hex'),
  sha1: hash('sha1', 'hex'),
  sha256: hash('sha256', 'hex'),
  sha512: hash('sha512', 'hex'),
  base64sha256: hash('sha256', 'base64'),
  sort: ([v]) =>
    list(v, 'sort')
      .map((x) => str(x, 'sort'))
      .sort(),
  reverse: ([v]) => [...list(v, 'reverse')].reverse(),
  slice: (args) => list(args[0], 'slice').slice(toNumber(args[1]), toNumber(args[2])),
  range: (args) => {
    const nums = args.map(toNumber);
    const [start, end, step] =
      nums.length === 1 ? [0, nums[0] as number, 1] : [nums[0] as number, nums[1] as number, nums[2] ?? 1];
    if (step === 0) throw new ExprError('range: step must not be 0');
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(i);
      if (out.length > 1024) throw new ExprError('range: too many elements');
    }
    return out;
  },
  zipmap: (args) => {
    const ks = list(args[0], 'zipmap');
    const vs = list(args[1], 'zipmap');
    const out: Obj = {};
    ks.forEach((k, i) => {
      out[str(k, 'zipmap')] = vs[i];
    });
    return out;
  },
  one: ([v]) => {
    const l = list(v, 'one');
    if (l.length > 1) throw new ExprError('one: more than one element');
    return l.length === 0 ? null : l[0];
  },
  alltrue: ([v]) => list(v, 'alltrue').every((x) => need(x) === true || x === 'true'),
  anytrue: ([v]) => list(v, 'anytrue').some((x) => need(x) === true || x === 'true'),
  max: (args) => Math.max(...args.map(toNumber)),
  min: (args) => Math.min(...args.map(toNumber)),
  abs: ([v]) => Math.abs(toNumber(v)),
  ceil: ([v]) => Math.ceil(toNumber(v)),
  floor: ([v]) => Math.floor(toNumber(v)),
  sum: ([v]) => list(v, 'sum').reduce((a: number, x) => a + toNumber(x), 0),
  base64encode: ([v]) => Buffer.from(str(v, 'base64encode'), 'utf8').toString('base64'),
  base64decode: ([v]) => Buffer.from(str(v, 'base64decode'), 'base64').toString('utf8'),
  setunion: (args) => distinct(args.flatMap((a) => list(a, 'setunion'))),
  file: (args, ctx) => {
    const path = str(args[0], 'file');
    const text = ctx.env.readFile(path);
    return text ?? new Unk(`file ${path} could not be read`);
  },
  fileexists: (args, ctx) => ctx.env.readFile(str(args[0], 'fileexists')) !== undefined,
  templatefile: unsupported('templatefile is not evaluated'),
  cidrsubnet: unsupported('cidrsubnet is not evaluated'),
  cidrhost: unsupported('cidrhost is not evaluated'),
  timestamp: unsupported('timestamp() is known only at apply time'),
  uuid: unsupported('uuid() is known only at apply time'),
};

/** Calls a function; try / can see errors of their arguments, so they evaluate them themselves. */
export function callFunction(e: Extract<Expr, { k: 'call' }>, ctx: Ctx): unknown {
  if (e.name === 'try') {
    for (const a of e.args) {
      try {
        return ev(a, ctx);
      } catch (err) {
        if (err instanceof UnknownSignal) return err.value;
        if (!(err instanceof ExprError)) throw err;
      }
    }
    throw new ExprError('try: every argument failed');
  }
  if (e.name === 'can') {
    try {
      const v = ev(e.args[0] as Expr, ctx);
      return v instanceof Unk ? v : true;
    } catch (err) {
      if (err instanceof UnknownSignal) return err.value;
      if (err instanceof ExprError) return false;
      throw err;
    }
  }
  const fn = FUNCTIONS[e.name];
  if (!fn) return new Unk(`function ${e.name}() is not evaluated`);
  let args = e.args.map((a) => ev(a, ctx));
  if (e.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (last instanceof Unk || last instanceof RefV) return asUnk(last);
    args = [...args.slice(0, -1), ...list(last, e.name)];
  }
  try {
    return fn(args, ctx);
  } catch (err) {
    if (err instanceof UnknownSignal) return err.value;
    throw err;
  }
}
