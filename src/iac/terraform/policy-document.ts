import { isObj, type Obj, RefV, Unk } from './values.js';

/**
 * The `json` of a `data "aws_iam_policy_document"` block, built from its evaluated arguments the way the AWS
 * provider does: statement blocks → Statement, principals → Principal, condition → Condition; one-element lists
 * become strings. References inside render as `${address.attr}` (as in jsonencode); other unknowns make the whole
 * document unknown.
 */

const NOT_KNOWN = 'the policy document is not known';

class NotKnown {
  constructor(readonly why: string) {}
}

const plain = (v: unknown): unknown => {
  if (v instanceof RefV) return v.rendered;
  if (v instanceof Unk) {
    if (v.render !== undefined) return v.render;
    throw new NotKnown(v.why);
  }
  if (Array.isArray(v)) return v.map(plain);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
};

const strings = (v: unknown, what: string): string[] => {
  const x = plain(v);
  if (x === undefined || x === null) return [];
  const list = Array.isArray(x) ? x : [x];
  const out: string[] = [];
  for (const s of list) {
    const str = typeof s === 'number' || typeof s === 'boolean' ? String(s) : s;
    if (typeof str !== 'string') throw new NotKnown(`${what} must be strings`);
    if (!out.includes(str)) out.push(str);
  }
  return out;
};

const one = (l: string[]): string | string[] => (l.length === 1 ? (l[0] as string) : l);

const blocks = (v: unknown, what: string): Obj[] => {
  if (v === undefined || v === null) return [];
  if (v instanceof Unk) throw new NotKnown(`${what}: ${v.why}`);
  if (!Array.isArray(v)) throw new NotKnown(`${what} is not a list of blocks`);
  return v.filter(isObj);
};

function principals(list: Obj[], what: string): unknown {
  const out: Record<string, string[]> = {};
  for (const p of list) {
    const type = plain(p.type);
    if (typeof type !== 'string') throw new NotKnown(`${what} type is not known`);
    const ids = strings(p.identifiers, `${what} identifiers`);
    const have = out[type] ?? [];
    out[type] = [...have, ...ids.filter((i) => !have.includes(i))];
  }
  if (out['*'] && Object.keys(out).length === 1 && out['*'].every((i) => i === '*')) return '*';
  const shaped: Obj = {};
  for (const [k, v] of Object.entries(out)) shaped[k] = one(v);
  return shaped;
}

function statement(s: Obj): Obj {
  const st: Obj = {};
  const sid = plain(s.sid);
  if (typeof sid === 'string' && sid !== '') st.Sid = sid;
  const effect = plain(s.effect);
  st.Effect = typeof effect === 'string' ? effect : 'Allow';
  const pr = blocks(s.principals, 'principals');
  if (pr.length > 0) st.Principal = principals(pr, 'principals');
  const npr = blocks(s.not_principals, 'not_principals');
  if (npr.length > 0) st.NotPrincipal = principals(npr, 'not_principals');
  for (const [attr, key] of [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ] as const) {
    const l = strings(s[attr], attr);
    if (l.length > 0) st[key] = one(l);
  }
  const conds = blocks(s.condition, 'condition');
  if (conds.length > 0) {
    const c: Record<string, Record<string, unknown>> = {};
    for (const cond of conds) {
      const test = plain(cond.test);
      const variable = plain(cond.variable);
      if (typeof test !== 'string' || typeof variable !== 'string') throw new NotKnown('condition is not known');
      const byVar = c[test] ?? {};
      c[test] = byVar;
      const values = strings(cond.values, 'condition values');
      const prev = byVar[variable];
      const merged = prev === undefined ? values : [...(Array.isArray(prev) ? prev : [prev as string]), ...values];
      byVar[variable] = one(merged);
    }
    st.Condition = c;
  }
  return st;
}

const parsedStatements = (docs: unknown, what: string): Obj[] => {
  const out: Obj[] = [];
  for (const d of strings(docs, what)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(d);
    } catch {
      throw new NotKnown(`${what}: a document is not JSON`);
    }
    const st = isObj(parsed) ? parsed.Statement : undefined;
    for (const s of Array.isArray(st) ? st : isObj(st) ? [st] : []) if (isObj(s)) out.push(s);
  }
  return out;
};

/** Evaluated data block arguments → the policy JSON text (pretty or minified), or Unk. */
export function policyDocument(args: Obj, minified: boolean): unknown {
  try {
    let statements: Obj[] = parsedStatements(args.source_policy_documents, 'source_policy_documents');
    const bySid = (list: Obj[], s: Obj): void => {
      const i = typeof s.Sid === 'string' && s.Sid !== '' ? list.findIndex((x) => x.Sid === s.Sid) : -1;
      if (i >= 0) list[i] = s;
      else list.push(s);
    };
    for (const s of blocks(args.statement, 'statement').map(statement)) bySid(statements, s);
    for (const s of parsedStatements(args.override_policy_documents, 'override_policy_documents')) {
      bySid(statements, s);
    }
    statements = statements.slice();
    const doc: Obj = {};
    const version = plain(args.version);
    doc.Version = typeof version === 'string' ? version : '2012-10-17';
    const id = plain(args.policy_id);
    if (typeof id === 'string') doc.Id = id;
    doc.Statement = statements;
    return minified ? JSON.stringify(doc) : JSON.stringify(doc, null, 2);
  } catch (e) {
    if (e instanceof NotKnown) {
      return new Unk(e.why.startsWith(NOT_KNOWN) ? e.why : `${NOT_KNOWN}: ${e.why}`);
    }
    throw e;
  }
}
