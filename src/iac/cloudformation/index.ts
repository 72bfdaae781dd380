import { posix } from 'node:path';
import type { IacDocument, IacIo } from '../model.js';
import { looksLikeTemplate, type ParseOutcome, parseTemplate } from './parse.js';
import { BUDGET_BASE, BUDGET_PER_CHAR, ExpansionError, Stack } from './stack.js';

/** Parse only (no resolution): the same parser the adapter uses, for benchmarks and tools. */
export { parseTemplate } from './parse.js';

export interface CloudFormationOptions {
  /** Parameter values given for the deployment (as on the command line), over the template's defaults. */
  parameters?: Record<string, string>;
}

/**
 * Adapts one CloudFormation template (YAML or JSON; SAM; CDK's synthesized *.template.json) with its local nested
 * stacks. undefined: the file is not a CloudFormation template (skipped quietly).
 */
export function loadCloudFormation(
  file: string,
  io: IacIo,
  options: CloudFormationOptions = {},
): IacDocument | undefined {
  const text = io.readText(file);
  if (text === undefined) return undefined;
  let parsed: ParseOutcome;
  try {
    parsed = parseTemplate(file, text);
  } catch (e) {
    // E.g. nesting deeper than the call stack: never a real template, never a crash.
    if (!looksLikeTemplate(text)) return undefined;
    parsed = { kind: 'malformed', errors: [{ line: 1, column: 1, message: `cannot be parsed: ${String(e)}` }] };
  }
  if (parsed.kind === 'other') return undefined;
  const doc: IacDocument = {
    format: 'cloudformation',
    root: file,
    blocks: [],
    problems: [],
    files: [file],
    inputs: [],
  };
  if (parsed.kind === 'malformed') {
    for (const e of parsed.errors) {
      doc.problems.push({ file, line: e.line, column: e.column, message: e.message, level: 'error' });
    }
    return doc;
  }
  try {
    const shared = { doc, io, budget: BUDGET_BASE + BUDGET_PER_CHAR * text.length };
    new Stack(shared, file, parsed.root, '', [posix.normalize(file)], options.parameters ?? {}, true).run();
  } catch (e) {
    // Bad input must not stop a scan: an unexpected failure is this file's problem, not the run's.
    const message = e instanceof ExpansionError ? e.message : `the template could not be adapted: ${String(e)}`;
    doc.problems.push({ file, message, level: 'error' });
  }
  return doc;
}
