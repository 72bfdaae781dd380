// YAML input with positions: parse errors and schema errors name the file, the path inside it and the line.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { InputError } from '../core/input-error.js';

export type Segments = (string | number)[];

export interface ParsedYaml {
  data: unknown;
  doc: Document;
  lineCounter: LineCounter;
  /** 'at /exceptions/2/kind (line 14)', or as much of it as can be found. */
  at(segments: Segments): string;
  /** The 1-based line of a path (its key's line for a map entry), when found. */
  line(segments: Segments): number | undefined;
}

/** Parses YAML (JSON is YAML too) keeping positions; a syntax error is an InputError with line and column. */
export function parseYaml(text: string, file: string): ParsedYaml {
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
  const line = (segments: Segments): number | undefined => {
    const offset = nodeOffset(doc, segments);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const at = (segments: Segments): string => {
    const pointer = segments.length ? `/${segments.join('/')}` : '/';
    for (let n = segments.length; n >= 0; n--) {
      const l = line(segments.slice(0, n));
      if (l !== undefined) return `at ${pointer} (line ${l})`;
    }
    return `at ${pointer}`;
  };
  return { data, doc, lineCounter, at, line };
}

/**
 * Checks parsed data against a compiled schema; the most useful error becomes an InputError at its path.
 * `describe` may give a better sentence for an error than the generic one (return undefined to keep it).
 */
export function checkSchema(
  parsed: ParsedYaml,
  validate: ValidateFunction,
  file: string,
  label: string,
  describe: (err: ErrorObject) => string | undefined = () => undefined,
): void {
  if (validate(parsed.data)) return;
  const err = pickError(validate.errors ?? []);
  const segments = pointerSegments(err.instancePath);
  const extra = err.keyword === 'additionalProperties' ? [String(err.params.additionalProperty)] : [];
  throw new InputError(file, parsed.at([...segments, ...extra]), `${describe(err) ?? describeError(err)} [${label}]`);
}

function yamlInputError(file: string, err: YAMLError, lineCounter: LineCounter): InputError {
  const pos = err.linePos?.[0] ?? (err.pos ? lineCounter.linePos(err.pos[0]) : undefined);
  const message = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.code;
  return new InputError(
    file,
    pos ? `line ${pos.line}, column ${pos.col}` : undefined,
    `malformed YAML: ${message} (${err.code})`,
  );
}

function nodeOffset(doc: Document, segments: Segments): number | undefined {
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

export function pointerSegments(pointer: string): Segments {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Keywords whose error says most about what to fix, first; wrappers (if/then, anyOf) last. */
const KEYWORD_RANK = ['additionalProperties', 'type', 'enum', 'const', 'pattern', 'minLength', 'minItems', 'required'];
const rank = (e: ErrorObject): number => {
  const i = KEYWORD_RANK.indexOf(e.keyword);
  return e.keyword === 'if' || e.keyword === 'anyOf' ? 99 : i === -1 ? KEYWORD_RANK.length : i;
};

/** The most useful of all errors: the deepest in the document, then by keyword rank, then the first. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => (e.instancePath === '' ? 0 : e.instancePath.split('/').length);
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => depth(b.e) - depth(a.e) || rank(a.e) - rank(b.e) || a.i - b.i);
  return sorted[0]?.e ?? ({ instancePath: '', keyword: 'schema', params: {}, schemaPath: '' } as ErrorObject);
}

export function describeError(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return `missing property '${String(p.missingProperty)}'`;
    case 'additionalProperties': {
      const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `unknown property '${String(p.additionalProperty)}'${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`;
    }
    case 'type':
      return `must be ${Array.isArray(p.type) ? p.type.join(' or ') : String(p.type)}, not ${describeValue(err.data)}`;
    case 'enum':
      return `must be one of: ${((p.allowedValues as unknown[]) ?? []).join(', ')} (got ${describeValue(err.data)})`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)} (got ${describeValue(err.data)})`;
    case 'pattern':
      return `${JSON.stringify(err.data)} must match ${String(p.pattern)}`;
    case 'minLength':
      return 'must not be empty';
    case 'minItems':
      return 'must not be an empty list';
    case 'minProperties':
      return 'must not be empty';
    default:
      return err.message ?? 'does not match the schema';
  }
}

export const describeValue = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : `${typeof v} ${JSON.stringify(v)}`;
