import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/** Bad input from the user: names the file and where in it, and maps to exit code 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    readonly detail: string,
  ) {
    super(where ? `${file}: ${where}: ${detail}` : `${file}: ${detail}`);
    this.name = 'InputError';
  }
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * JSON.parse (fast path); on failure, a second strict parse only to find where the problem is,
 * since V8's message does not always give a position.
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first) {
      const { line, column } = lineColumn(text, first.offset);
      throw new InputError(
        file,
        `line ${line}, column ${column}`,
        `malformed JSON (${printParseErrorCode(first.error)})`,
      );
    }
    throw new InputError(file, undefined, `malformed JSON: ${(e as Error).message}`);
  }
}

/** The line of a JSON pointer (/resources/3/props) in a text, for schema errors; undefined when not found. */
export function lineOfPointer(text: string, pointer: string): number | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = findNodeAtLocation(root, segments);
  return node ? lineColumn(text, node.offset).line : undefined;
}
