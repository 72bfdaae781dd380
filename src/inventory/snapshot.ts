import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ImportedFinding } from '../core/finding.js';
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
  /** Findings AWS's own detectors hold (GuardDuty, Inspector, Security Hub), imported read-only. */
  findings?: ImportedFinding[];
}

export interface LoadedInventory {
  resources: Resource[];
  errors: CollectionError[];
  /** Imported findings of every part. */
  findings?: ImportedFinding[];
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

/** One file of a snapshot, validated, with unknown types and duplicate uids already left out. */
export interface InventoryPart {
  file: string;
  resources: Resource[];
  errors: CollectionError[];
  /** Findings imported from AWS's detectors (GuardDuty, Inspector, Security Hub). */
  findings?: ImportedFinding[];
  /** Non-fatal notes of a live collection (e.g. a source's findings capped). */
  warnings?: string[];
  generatedAt?: string;
}

/** A snapshot read part by part, so a scan need not hold the whole inventory as text and objects at once. */
export interface InventoryStream {
  files: string[];
  /** Size of each file in bytes, for progress. */
  sizes: number[];
  /** Filled while parts are read; complete once the iteration ends. */
  warnings: string[];
  parts(): Generator<InventoryPart>;
}

/** Lists the files of a snapshot (a file, or every *.json of a directory in name order) and reads them lazily. */
export function streamSnapshot(path: string): InventoryStream {
  let files: string[];
  let sizes: number[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(path, f))
      : [path];
    sizes = files.map((f) => statSync(f).size);
  } catch (e) {
    throw new InputError(path, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (files.length === 0) throw new InputError(path, undefined, 'no *.json snapshot files in this directory');
  const warnings: string[] = [];
  function* parts(): Generator<InventoryPart> {
    const seen = new Set<string>();
    const unknownTypes = new Map<string, number>();
    for (const file of files) {
      const snapshot = readSnapshotFile(file);
      const resources: Resource[] = [];
      for (const r of snapshot.resources) {
        if (!RESOURCE_TYPES.has(r.type)) {
          unknownTypes.set(r.type, (unknownTypes.get(r.type) ?? 0) + 1);
          continue;
        }
        if (seen.has(r.uid)) {
          warnings.push(`${basename(file)}: duplicate resource uid ${r.uid}: later copy skipped`);
          continue;
        }
        seen.add(r.uid);
        r.name ??= r.uid;
        r.tags ??= {};
        r.source ??= { kind: 'snapshot', file };
        resources.push(r);
      }
      yield {
        file,
        resources,
        errors: snapshot.errors ?? [],
        ...(snapshot.findings && snapshot.findings.length > 0 ? { findings: snapshot.findings } : {}),
        ...(snapshot.generatedAt ? { generatedAt: snapshot.generatedAt } : {}),
      };
    }
    for (const [type, count] of unknownTypes) {
      warnings.push(`unknown resource type '${type}' (${count} resource${count === 1 ? '' : 's'}): skipped`);
    }
  }
  return { files, sizes, warnings, parts };
}

/** Loads a whole snapshot into memory (tests, tools); scans read it part by part through streamSnapshot. */
export function loadSnapshot(path: string): LoadedInventory {
  const stream = streamSnapshot(path);
  const out: LoadedInventory = { resources: [], errors: [], files: stream.files, warnings: stream.warnings };
  for (const part of stream.parts()) {
    for (const r of part.resources) out.resources.push(r);
    out.errors.push(...part.errors);
    if (part.findings) out.findings = [...(out.findings ?? []), ...part.findings];
    if (part.generatedAt && (!out.generatedAt || part.generatedAt > out.generatedAt))
      out.generatedAt = part.generatedAt;
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
