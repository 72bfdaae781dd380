// Attestation files: an account's answers to the MANUAL items of a framework or guideline (seed 003's 状況 column:
// 実施済 / 予定, 代替策 実施済 / 予定, 対象外, who answered and the reviewer's confirmation).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { InputError } from '../core/input-error.js';
import type { Status } from '../core/status.js';
import type { Text } from '../core/text.js';
import { packagePath } from '../paths.js';
import { type Locate, parseYamlLocated, schemaInputError } from './load.js';
import type { Framework } from './model.js';

export const ATTESTATION_STATUSES = [
  'done',
  'planned',
  'alternative-done',
  'alternative-planned',
  'not-applicable',
] as const;
export type AttestationStatus = (typeof ATTESTATION_STATUSES)[number];

export const ATTESTATION_STATUS_TEXT: Record<AttestationStatus, Text> = {
  done: { en: 'Done', ja: '実施済' },
  planned: { en: 'Planned', ja: '実施予定' },
  'alternative-done': { en: 'Alternative control in place', ja: '代替策 実施済' },
  'alternative-planned': { en: 'Alternative control planned', ja: '代替策 実施予定' },
  'not-applicable': { en: 'Not applicable', ja: '対象外' },
};

/**
 * What an answer means for the requirement: done passes; an alternative control in place or 対象外 is EXCEPTED
 * (the two exception kinds); anything only planned is not in place yet, so it stays a FAIL until done.
 */
export const ATTESTED_REQUIREMENT_STATUS: Record<AttestationStatus, Status> = {
  done: 'PASS',
  'alternative-done': 'EXCEPTED',
  'not-applicable': 'EXCEPTED',
  planned: 'FAIL',
  'alternative-planned': 'FAIL',
};

export interface AttestedItem {
  id: string;
  status: AttestationStatus;
  alternative?: string;
  reason?: string;
  note?: string;
  due?: string;
  attestedBy: string;
  attestedOn: string;
  reviewedBy?: string;
  reviewedOn?: string;
}

export interface AttestationFile {
  framework: string;
  account: string;
  accountName?: string;
  items: AttestedItem[];
}

/** One answer, with where it was written. */
export interface Attestation extends AttestedItem {
  account: string;
  file: string;
  line?: number;
}

/** All answers read, by framework id, then account, then item id. */
export interface AttestationSet {
  files: string[];
  get(framework: string, account: string, item: string): Attestation | undefined;
  /** Every answer for a framework. */
  forFramework(framework: string): Attestation[];
}

let validator: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(packagePath('schema', 'attestation.v1.schema.json'), 'utf8'));
    validator = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  }
  return validator;
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Parses and checks one attestation file's text (schema, one answer per item). */
export function parseAttestations(text: string, file: string): { data: AttestationFile; at: Locate } {
  const { data, at } = parseYamlLocated(text, file);
  const check = schemaValidator();
  if (!check(data)) throw schemaInputError(file, at, check.errors ?? [], 'attestation schema v1');
  const parsed = data as AttestationFile;
  const seen = new Map<string, number>();
  parsed.items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw new InputError(
        file,
        at(['items', i, 'id']),
        `item '${item.id}' is answered twice (first at /items/${first})`,
      );
    }
    seen.set(item.id, i);
    if (item.reviewedOn && item.reviewedOn < item.attestedOn) {
      throw new InputError(
        file,
        at(['items', i, 'reviewedOn']),
        `reviewed on ${item.reviewedOn}, before it was answered (${item.attestedOn})`,
      );
    }
  });
  return { data: parsed, at };
}

/** Reads attestation files: each path a file or a directory of *.yaml / *.yml / *.json files. */
export function loadAttestations(paths: readonly string[]): AttestationSet {
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      throw new InputError(p, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (isDir) {
      for (const f of readdirSync(p).sort()) if (EXTENSIONS.has(extname(f).toLowerCase())) files.push(join(p, f));
    } else files.push(p);
  }
  const byKey = new Map<string, Map<string, Attestation>>();
  const fileOf = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(
        file,
        undefined,
        `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const { data, at } = parseAttestations(text, file);
    const key = `${data.framework}\u0000${data.account}`;
    const other = fileOf.get(key);
    if (other !== undefined) {
      throw new InputError(
        file,
        at(['account']),
        `account ${data.account} already answers ${data.framework} in ${other}; keep one file per framework and account`,
      );
    }
    fileOf.set(key, file);
    const items = new Map<string, Attestation>();
    data.items.forEach((item, i) => {
      const line = /\(line (\d+)\)/.exec(at(['items', i]))?.[1];
      items.set(item.id, { ...item, account: data.account, file, ...(line ? { line: Number(line) } : {}) });
    });
    byKey.set(key, items);
  }
  return {
    files,
    get: (framework, account, item) => byKey.get(`${framework}\u0000${account}`)?.get(item),
    forFramework: (framework) =>
      [...byKey.entries()].filter(([k]) => k.startsWith(`${framework}\u0000`)).flatMap(([, m]) => [...m.values()]),
  };
}

/** Answers that name no MANUAL item of the framework: an unknown id, or a requirement its rules decide. */
export function checkAttestations(framework: Framework, set: AttestationSet): void {
  const byId = new Map(framework.requirements.map((r) => [r.id, r]));
  for (const a of set.forFramework(framework.id)) {
    const req = byId.get(a.id);
    const where = a.line !== undefined ? `line ${a.line}` : undefined;
    if (!req) {
      throw new InputError(a.file, where, `item '${a.id}' is not a requirement of ${framework.id}`);
    }
    if (!req.manual) {
      throw new InputError(
        a.file,
        where,
        `item '${a.id}' of ${framework.id} is decided by rules, not attested; to except a finding use an exception`,
      );
    }
  }
}

export const emptyAttestations = (): AttestationSet => ({ files: [], get: () => undefined, forFramework: () => [] });
