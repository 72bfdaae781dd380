import { unknown } from '../../core/resource.js';
import { type IacRef, renderRef } from '../model.js';

/** A value the configuration does not fix. `render`: how it reads inside a string (a reference's expression). */
export class Unk {
  constructor(
    readonly why: string,
    readonly render?: string,
  ) {}
}

/** A reference to a managed resource block of the document (its address and the attribute path read). */
export class RefV {
  constructor(
    readonly address: string,
    readonly attr?: string,
  ) {}
  get rendered(): string {
    return renderRef(this.json());
  }
  json(): IacRef {
    return this.attr === undefined ? { $ref: this.address } : { $ref: this.address, attr: this.attr };
  }
}

/** An expression error (Terraform would stop): the attribute becomes Unknown with this message. */
export class ExprError extends Error {}

/** Thrown inside functions when an argument is not known; the call becomes that Unknown. */
export class UnknownSignal {
  constructor(readonly value: Unk) {}
}

export type Obj = Record<string, unknown>;

/** Lists that are Terraform sets (from toset): iterating them gives the element as the key. */
export const SETS = new WeakSet<unknown[]>();
export const asSet = (l: unknown[]): unknown[] => {
  SETS.add(l);
  return l;
};

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unk) && !(v instanceof RefV);

export const isKnown = (v: unknown): boolean => !(v instanceof Unk) && !(v instanceof RefV);

/** A value that is not fixed in the template, as an Unk (refs read as values are not known either). */
export const asUnk = (v: Unk | RefV): Unk =>
  v instanceof Unk ? v : new Unk(`the value of ${v.rendered.slice(2, -1)} is known after apply`, v.rendered);

/** Internal value → block props JSON (Unknown and IacRef markers). */
export function toJson(v: unknown): unknown {
  if (v instanceof Unk) return unknown(v.why);
  if (v instanceof RefV) return v.json();
  if (Array.isArray(v)) return v.map(toJson);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
    return out;
  }
  return v;
}

/** The first value inside (deeply) that is not known, if any. */
export function firstUnknown(v: unknown): Unk | RefV | undefined {
  if (v instanceof Unk || v instanceof RefV) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  } else if (isObj(v)) {
    for (const x of Object.values(v)) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  }
  return undefined;
}

export const typeName = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'list'
      : isObj(v)
        ? 'object'
        : typeof v === 'string'
          ? 'string'
          : typeof v === 'number'
            ? 'number'
            : typeof v === 'boolean'
              ? 'bool'
              : 'value';

/** Deep equality of known values. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}
