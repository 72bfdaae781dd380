import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError } from '../core/input-error.js';
import { packagePath } from '../paths.js';
import { isIsoDay } from './clock.js';
import type { ExceptionEntry, Exceptions } from './model.js';
import { checkSchema, parseYaml } from './yaml-input.js';

let validator: ValidateFunction | undefined;
export function exceptionsValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(packagePath('schema', 'exceptions.v1.schema.json'), 'utf8'));
    validator = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  }
  return validator;
}

/** Reads and checks an exceptions file; every problem is an InputError with the file, the path and the line. */
export function loadExceptions(file: string): Exceptions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseExceptions(text, file);
}

/** Parses and checks the text of an exceptions file; `file` names it in messages and in the result. */
export function parseExceptions(text: string, file: string): Exceptions {
  const parsed = parseYaml(text, file);
  // An empty file (or one holding only comments) is an empty list: `exceptions add` starts from nothing.
  if (parsed.data === null || parsed.data === undefined) return { file, entries: [], lines: new Map() };
  checkSchema(parsed, exceptionsValidator(), file, 'exceptions schema v1', describe);
  const data = parsed.data as { exceptions: ExceptionEntry[] };
  const seen = new Map<string, number>();
  const lines = new Map<string, number>();
  data.exceptions.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined) {
      throw new InputError(
        file,
        parsed.at(['exceptions', i, 'id']),
        `exception id '${e.id}' is used twice (first at /exceptions/${first})`,
      );
    }
    seen.set(e.id, i);
    lines.set(e.id, parsed.line(['exceptions', i]) ?? 0);
    for (const key of ['created', 'expires'] as const) {
      const day = e[key];
      if (day !== undefined && !isIsoDay(day)) {
        throw new InputError(file, parsed.at(['exceptions', i, key]), `'${day}' is not a calendar day (YYYY-MM-DD)`);
      }
    }
    if (e.created !== undefined && e.expires !== undefined && e.expires < e.created) {
      throw new InputError(
        file,
        parsed.at(['exceptions', i, 'expires']),
        `expires ${e.expires} is before created ${e.created}`,
      );
    }
  });
  return { file, entries: data.exceptions, lines };
}

/** Sentences for the errors a person most often makes in this file. */
function describe(err: ErrorObject): string | undefined {
  const p = err.params as Record<string, unknown>;
  const path = err.instancePath;
  if (err.keyword === 'required' && err.schemaPath.includes('anyOf')) {
    return "a scope needs 'rule' or 'resource' (or both), so that it never covers a whole account by accident";
  }
  if (err.keyword === 'required' && p.missingProperty === 'expires') {
    return "an alternative-control exception needs 'expires' (YYYY-MM-DD): a compensating control is reviewed by a date";
  }
  if (err.keyword === 'required' && p.missingProperty === 'reason') return "missing property 'reason': say why";
  if (err.keyword === 'pattern' && /\/reason$/.test(path)) return 'reason must not be blank';
  if (err.keyword === 'type' && /\/account(\/\d+)?$/.test(path) && typeof err.data === 'number') {
    return `account ids must be quoted strings, e.g. '${String(err.data).padStart(12, '0')}' (YAML reads unquoted digits as a number and drops leading zeros)`;
  }
  if (err.keyword === 'type' && /\/(created|expires)$/.test(path)) return 'must be a date written YYYY-MM-DD';
  if (err.keyword === 'pattern' && /\/(created|expires)$/.test(path)) {
    return `${JSON.stringify(err.data)} must be a date written YYYY-MM-DD`;
  }
  return undefined;
}
