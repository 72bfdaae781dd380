// Changes to an exceptions file through the YAML document, so its comments, order and quoting stay as they were.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Document, isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { InputError } from '../core/input-error.js';
import { parseExceptions } from './load.js';
import type { ExceptionEntry, Exceptions } from './model.js';

/** What a new file starts with. */
export const NEW_FILE_HEADER = `# mamori exceptions: a FAIL or ERROR finding inside an exception's scope becomes EXCEPTED
# until the day after \`expires\`. Format: docs/exceptions.md (schema/exceptions.v1.schema.json).
version: 1
exceptions: []
`;

const STRINGIFY = { lineWidth: 0 } as const;

/** The next free id of the form EXC-0001 (one more than the highest numbered one). */
export function nextExceptionId(entries: readonly Pick<ExceptionEntry, 'id'>[]): string {
  let max = 0;
  for (const e of entries) {
    const m = /^EXC-(\d+)$/.exec(e.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `EXC-${String(max + 1).padStart(4, '0')}`;
}

function readText(file: string): string {
  if (!existsSync(file)) return '';
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes under a temporary name and renames, so a failure never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(file, undefined, `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The document and its `exceptions` list (a block list, so new entries are written one per block). */
function openDocument(file: string, text: string): { doc: Document; seq: YAMLSeq } {
  const start = text.trim() === '' ? NEW_FILE_HEADER : text;
  const doc = parseDocument(start, { uniqueKeys: true });
  if (!isMap(doc.contents)) throw new InputError(file, undefined, 'the file does not hold a mapping with `exceptions`');
  let seq = doc.get('exceptions', true);
  if (seq === undefined || seq === null) {
    seq = new YAMLSeq();
    doc.set('exceptions', seq);
  }
  if (!isSeq(seq)) throw new InputError(file, undefined, '`exceptions` is not a list');
  if (seq.items.length === 0) seq.flow = false;
  return { doc, seq };
}

/** A new entry in the order people read it: id, kind, scope, reason, approver, dates, ticket. */
function ordered(e: ExceptionEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, kind: e.kind, scope: e.scope, reason: e.reason };
  for (const key of ['approver', 'created', 'expires', 'ticket'] as const) if (e[key] !== undefined) out[key] = e[key];
  return out;
}

/**
 * Appends an exception (creating the file when missing) and returns it with its id; without `id`, the next EXC-nnnn.
 * The whole file is checked again before it is written: an invalid entry is an InputError and nothing changes.
 */
export function addException(file: string, entry: Omit<ExceptionEntry, 'id'> & { id?: string }): ExceptionEntry {
  const text = readText(file);
  const existing = parseExceptions(text, file);
  const id = entry.id ?? nextExceptionId(existing.entries);
  if (existing.entries.some((e) => e.id === id)) throw new InputError(file, undefined, `exception id '${id}' exists`);
  const full: ExceptionEntry = { ...entry, id };
  const { doc, seq } = openDocument(file, text);
  seq.items.push(doc.createNode(ordered(full)));
  const next = doc.toString(STRINGIFY);
  parseExceptions(next, file);
  writeAtomically(file, next);
  return full;
}

/** Sets an exception's `expires` to `day` (YYYY-MM-DD); returns the file as loaded after the change. */
export function expireException(file: string, id: string, day: string): Exceptions {
  if (!existsSync(file)) throw new InputError(file, undefined, 'no such file');
  const text = readText(file);
  const existing = parseExceptions(text, file);
  const index = existing.entries.findIndex((e) => e.id === id);
  if (index === -1) {
    const ids = existing.entries.map((e) => e.id).join(', ');
    throw new InputError(file, undefined, `no exception with id '${id}'${ids ? ` (ids: ${ids})` : ''}`);
  }
  const { doc, seq } = openDocument(file, text);
  const item = seq.items[index];
  if (!isMap(item)) throw new InputError(file, `at /exceptions/${index}`, 'not a mapping');
  item.set('expires', day);
  const next = doc.toString(STRINGIFY);
  const loaded = parseExceptions(next, file);
  writeAtomically(file, next);
  return loaded;
}
