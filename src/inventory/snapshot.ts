import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { InputError, lineOfPointer, parseJson } from '../core/input-error.js';
import type { Resource } from '../core/resource.js';
import type { CollectionError } from '../core/rule.js';
import { packagePath } from '../paths.js';
import { RESOURCE_TYPES } from './types.js';

export const SNAPSHOT_FORMAT = 'mamori.snapshot';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  generatedAt?: string;
  generator?: { name?: string; version?: string };
  description?: string;
  scope?: { accounts?: string[]; regions?: string[] };
  resources: Resource[];
  errors?: CollectionError[];
}

export interface LoadedInventory {
  resources: Resource[];
  errors: CollectionError[];
  files: string[];
  /** The newest generatedAt of the parts: ages (key age, days unused) are judged as of this time. */
  generatedAt?: string;
  /** Non-fatal problems: unknown resource types, duplicate uids. */
  warnings: string[];
}

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(packagePath('schema', 'snapshot.v1.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: false, strict: false });
    addFormats.default(ajv, ['date-time']);
    validator = ajv.compile(schema);
  }
  return validator;
}

/** Loads a snapshot file, or every *.json file of a directory (in name order) as parts of one snapshot. */
export function loadSnapshot(path: string): LoadedInventory {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (e) {
    throw new InputError(path, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (files.length === 0) throw new InputError(path, undefined, 'no *.json snapshot files in this directory');
  const out: LoadedInventory = { resources: [], errors: [], files, warnings: [] };
  const seen = new Set<string>();
  const unknownTypes = new Map<string, number>();
  for (const file of files) {
    const snapshot = readSnapshotFile(file);
    for (const r of snapshot.resources) {
      if (!RESOURCE_TYPES.has(r.type)) {
        unknownTypes.set(r.type, (unknownTypes.get(r.type) ?? 0) + 1);
        continue;
      }
      if (seen.has(r.uid)) {
        out.warnings.push(`${basename(file)}: duplicate resource uid ${r.uid}: later copy skipped`);
        continue;
      }
      seen.add(r.uid);
      r.name ??= r.uid;
      r.tags ??= {};
      r.source ??= { kind: 'snapshot', file };
      out.resources.push(r);
    }
    if (snapshot.errors) out.errors.push(...snapshot.errors);
    if (snapshot.generatedAt && (!out.generatedAt || snapshot.generatedAt > out.generatedAt)) {
      out.generatedAt = snapshot.generatedAt;
    }
  }
  for (const [type, count] of unknownTypes) {
    out.warnings.push(`unknown resource type '${type}' (${count} resource${count === 1 ? '' : 's'}): skipped`);
  }
  return out;
}

function readSnapshotFile(file: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const data = parseJson(text, file);
  const check = validate();
  if (!check(data)) {
    const err = check.errors![0]!;
    const pointer = err.instancePath || '/';
    const line = lineOfPointer(text, err.instancePath);
    const where = line === undefined ? `at ${pointer}` : `at ${pointer} (line ${line})`;
    const detail =
      err.keyword === 'const' || err.keyword === 'enum'
        ? `${err.message} (${JSON.stringify(err.params)})`
        : (err.message ?? 'does not match the snapshot schema');
    throw new InputError(file, where, `${detail} [snapshot schema v${SNAPSHOT_VERSION}]`);
  }
  return data as Snapshot;
}
