import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Tags,
  type Node as YamlNode,
} from 'yaml';

/**
 * A template node with its position: the one tree the resolver walks, whether the text was YAML or JSON.
 * Short-form tags (`!Ref X`, `!Sub '…'`) are already turned into their long form (`{Ref: X}`, `{'Fn::Sub': '…'}`).
 */
export type SNode = SMap | SSeq | SScalar;
interface SBase {
  /** 1-based line and column of the node's start. */
  line: number;
  col: number;
}
export interface SMap extends SBase {
  k: 'map';
  keys: string[];
  keyLines: number[];
  values: SNode[];
}
export interface SSeq extends SBase {
  k: 'seq';
  items: SNode[];
}
export interface SScalar extends SBase {
  k: 'scalar';
  v: string | number | boolean | null;
}

export type ParseOutcome =
  | { kind: 'template'; root: SMap }
  | { kind: 'other' }
  | { kind: 'malformed'; errors: Array<{ line: number; column: number; message: string }> };

/** The CloudFormation short forms; each becomes `{ <long name>: <tagged value> }`. */
const SHORT_FORMS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'If',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Equals',
  'And',
  'Or',
  'Not',
  'Base64',
  'Cidr',
  'GetAZs',
  'Transform',
  'Length',
  'ToJsonString',
] as const;
const LONG_NAME = new Map<string, string>(
  SHORT_FORMS.map((s) => [`!${s}`, s === 'Ref' || s === 'Condition' ? s : `Fn::${s}`]),
);

// Every short form is accepted on a scalar, a sequence and a mapping, so yaml keeps the node and its tag as written
// (no "unresolved tag" warnings); the conversion below reads the tag.
const CUSTOM_TAGS: Tags = SHORT_FORMS.flatMap((s) => [
  { tag: `!${s}`, resolve: (value: string) => value },
  { tag: `!${s}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${s}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** Cheap text test used only when the text does not parse: does it claim to be a template? */
export const looksLikeTemplate = (text: string): boolean =>
  /AWSTemplateFormatVersion/.test(text) ||
  (/\bResources\b/.test(text) && /\bType["']?\s*:\s*["']?(AWS|Custom|Alexa)::[A-Za-z0-9]+/.test(text));

const TYPE_RE = /^[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9-]+)*$/;

/** A mapping with AWSTemplateFormatVersion, or with Resources whose entries carry a `Type` like AWS::S3::Bucket. */
export function isTemplate(root: SNode | undefined): root is SMap {
  if (root?.k !== 'map') return false;
  if (root.keys.includes('AWSTemplateFormatVersion')) return true;
  const resources = get(root, 'Resources');
  if (resources?.k !== 'map') return false;
  if (resources.keys.some((k) => k.startsWith('Fn::ForEach::'))) return true;
  return resources.values.some((r) => {
    const type = r.k === 'map' ? get(r, 'Type') : undefined;
    return type?.k === 'scalar' && typeof type.v === 'string' && TYPE_RE.test(type.v);
  });
}

/** The value of `key` in a template mapping (the last one when a key repeats). */
export function get(node: SNode | undefined, key: string): SNode | undefined {
  if (node?.k !== 'map') return undefined;
  const i = node.keys.lastIndexOf(key);
  return i < 0 ? undefined : node.values[i];
}

/** The plain string of a scalar node. */
export const str = (node: SNode | undefined): string | undefined =>
  node?.k === 'scalar' && typeof node.v === 'string' ? node.v : undefined;

/** Parses a template text (YAML or JSON) into position-carrying nodes; `other` when it is not a template. */
export function parseTemplate(file: string, source: string): ParseOutcome {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (/\.json$/i.test(file)) return parseJson(text);
  if (!/^\s*\{/.test(text)) return parseYaml(text);
  // A YAML file written in flow style looks like JSON: read it as YAML when it is not JSON.
  const json = parseJson(text);
  return json.kind === 'malformed' ? parseYaml(text) : json;
}

// ---- JSON (CDK's *.template.json): jsonc-parser, which reports lines and is faster than a YAML parser ----

const jsonMessage = (e: ParseErrorCode): string =>
  `JSON syntax error: ${printParseErrorCode(e)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()}`;

function parseJson(text: string): ParseOutcome {
  // The visitor reports lines as it scans: nodes are built in one pass, with no intermediate tree.
  const errors: Array<{ line: number; column: number; message: string }> = [];
  const stack: Array<SMap | SSeq> = [];
  let root: SNode | undefined;
  let key = '';
  let keyLine = 0;
  const attach = (node: SNode) => {
    const parent = stack[stack.length - 1];
    if (!parent) root ??= node;
    else if (parent.k === 'map') {
      parent.keys.push(key);
      parent.keyLines.push(keyLine);
      parent.values.push(node);
    } else parent.items.push(node);
  };
  visit(
    text,
    {
      onObjectBegin: (_o, _l, line, ch) => {
        const map: SMap = { k: 'map', line: line + 1, col: ch + 1, keys: [], keyLines: [], values: [] };
        attach(map);
        stack.push(map);
      },
      onObjectProperty: (name, _o, _l, line) => {
        key = name;
        keyLine = line + 1;
      },
      onObjectEnd: () => {
        stack.pop();
      },
      onArrayBegin: (_o, _l, line, ch) => {
        const seq: SSeq = { k: 'seq', line: line + 1, col: ch + 1, items: [] };
        attach(seq);
        stack.push(seq);
      },
      onArrayEnd: () => {
        stack.pop();
      },
      onLiteralValue: (value: unknown, _o, _l, line, ch) => {
        attach({ k: 'scalar', line: line + 1, col: ch + 1, v: (value ?? null) as SScalar['v'] });
      },
      onError: (error, _o, _l, line, ch) => {
        errors.push({ line: line + 1, column: ch + 1, message: jsonMessage(error) });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  if (errors.length > 0 || root === undefined) {
    if (!looksLikeTemplate(text)) return { kind: 'other' };
    return {
      kind: 'malformed',
      errors: errors.length > 0 ? errors.slice(0, 5) : [{ line: 1, column: 1, message: 'JSON syntax error: empty' }],
    };
  }
  return isTemplate(root) ? { kind: 'template', root } : { kind: 'other' };
}

// ---- YAML ----

function parseYaml(text: string): ParseOutcome {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // yaml's own duplicate key check is quadratic in a mapping's size (a CDK template has thousands of resources):
    // the conversion below checks duplicates instead.
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    if (!looksLikeTemplate(text)) return { kind: 'other' };
    return { kind: 'malformed', errors: [{ line: 1, column: 1, message: `YAML error: ${(e as Error).message}` }] };
  }
  if (doc.errors.length > 0) {
    if (!looksLikeTemplate(text)) return { kind: 'other' };
    return {
      kind: 'malformed',
      errors: doc.errors.slice(0, 5).map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        return { line: p.line, column: p.col, message: `YAML syntax error: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const pos = (n: YamlNode | Alias | null | undefined, fallback: { line: number; col: number }) =>
    n?.range ? lineCounter.linePos(n.range[0]) : fallback;
  // Aliases point at nodes already converted: reuse them (no exponential blow-up on alias chains).
  const seen = new Map<unknown, SNode>();
  const busy = new Set<unknown>();
  const duplicates: Array<{ line: number; column: number; message: string }> = [];
  const convert = (n: unknown, at: { line: number; col: number }): SNode => {
    if (isAlias(n)) {
      const target = n.resolve(doc);
      const done = target ? seen.get(target) : undefined;
      // An alias to a node still being converted (`&a [*a]`) would never end.
      if (done === undefined && target && busy.has(target)) return { k: 'scalar', line: at.line, col: at.col, v: null };
      return done ?? convert(target ?? null, at);
    }
    if (n) busy.add(n);
    const { line, col } = pos(n as YamlNode | null, at);
    let out: SNode;
    if (isMap(n)) {
      const map: SMap = { k: 'map', line, col, keys: [], keyLines: [], values: [] };
      let keySet: Set<string> | undefined;
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        const kp = pos(key, { line, col });
        let name: string;
        if (isScalar(key)) {
          name = typeof key.value === 'number' && typeof key.source === 'string' ? key.source : String(key.value ?? '');
        } else name = key === null ? '' : String(key);
        if (map.keys.length === 16) keySet = new Set(map.keys);
        if (keySet ? keySet.has(name) : map.keys.includes(name)) {
          duplicates.push({ line: kp.line, column: kp.col, message: `YAML error: duplicate key ${name}` });
        }
        keySet?.add(name);
        map.keys.push(name);
        map.keyLines.push(kp.line);
        map.values.push(convert(pair.value, kp));
      }
      out = map;
    } else if (isSeq(n)) {
      out = { k: 'seq', line, col, items: n.items.map((item) => convert(item, { line, col })) };
    } else if (isScalar(n)) {
      let v = n.value as unknown;
      // `012345678901` (an account id) is an int in YAML 1.2: keep the digits as written.
      if (typeof v === 'number' && typeof n.source === 'string' && /^[-+]?0\d/.test(n.source)) v = n.source;
      if (typeof v === 'bigint') v = Number(v);
      const plain = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      out = { k: 'scalar', line, col, v: plain ? (v as SScalar['v']) : String(v) };
    } else {
      out = { k: 'scalar', line, col, v: null };
    }
    const tag = (n as { tag?: string } | null)?.tag;
    const long = tag ? LONG_NAME.get(tag) : undefined;
    if (long) out = { k: 'map', line, col, keys: [long], keyLines: [line], values: [out] };
    if (n) {
      seen.set(n, out);
      busy.delete(n);
    }
    return out;
  };
  if (doc.contents === null) return { kind: 'other' };
  const root = convert(doc.contents, { line: 1, col: 1 });
  if (!isTemplate(root)) return { kind: 'other' };
  return duplicates.length > 0 ? { kind: 'malformed', errors: duplicates.slice(0, 5) } : { kind: 'template', root };
}
