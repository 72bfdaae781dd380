/**
 * A small HCL lexer: enough to find where things are written (lines) and to tokenize expressions.
 * Strings and heredocs are kept whole (their interpolations are skipped with brace matching and parsed later by
 * the template parser); comments are tokens so the structure scanner can read `mamori:skip` lines.
 */

export type TokenKind = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'comment' | 'eof';

export interface Token {
  kind: TokenKind;
  /** ident/number/punct: the text; string: the raw content between the quotes; heredoc: the body; comment: all. */
  text: string;
  line: number;
  col: number;
  start: number;
  end: number;
  /** Heredoc `<<-`: strip the common indentation. */
  strip?: boolean;
  /** A newline came between the previous token and this one (for expressions, where newlines are skipped). */
  nl?: boolean;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>']);
const PUNCT1 = new Set([...'{}[]().,:?=+-*/%<>!~']);

const isIdentStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || (c > '\x7f' && /\p{ID_Start}/u.test(c));
const isIdentPart = (c: string): boolean =>
  isIdentStart(c) || (c >= '0' && c <= '9') || c === '-' || (c > '\x7f' && /\p{ID_Continue}/u.test(c));
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export class Lexer {
  pos: number;
  line: number;
  private lineStart: number;
  private sawNewline = false;

  constructor(
    readonly src: string,
    start = 0,
    line = 1,
  ) {
    this.pos = start;
    this.line = line;
    this.lineStart = start;
  }

  private err(message: string): never {
    throw new LexError(message, this.line, this.pos - this.lineStart + 1);
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  /** The next token; newlines are tokens, spaces are not. */
  next(): Token {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') this.pos++;
      else if (c === '\\' && (s[this.pos + 1] === '\n' || s[this.pos + 1] === '\r')) this.pos++;
      else break;
    }
    const start = this.pos;
    const line = this.line;
    const col = start - this.lineStart + 1;
    const nl = this.sawNewline;
    this.sawNewline = false;
    const tok = (kind: TokenKind, text: string, extra?: Partial<Token>): Token => ({
      kind,
      text,
      line,
      col,
      start,
      end: this.pos,
      ...(nl ? { nl } : {}),
      ...extra,
    });
    if (start >= s.length) return tok('eof', '');
    const c = s[start] as string;
    if (c === '\n') {
      this.pos++;
      this.newline(start);
      this.sawNewline = true;
      return tok('newline', '\n');
    }
    if (c === '#' || (c === '/' && s[start + 1] === '/')) {
      let e = s.indexOf('\n', start);
      if (e < 0) e = s.length;
      this.pos = e;
      return tok('comment', s.slice(start, e).replace(/\r$/, ''));
    }
    if (c === '/' && s[start + 1] === '*') {
      const e = s.indexOf('*/', start + 2);
      if (e < 0) this.err('unterminated comment');
      for (let i = start; i < e; i++) if (s[i] === '\n') this.newline(i);
      this.pos = e + 2;
      return tok('comment', s.slice(start, e + 2));
    }
    if (c === '"') {
      this.pos++;
      this.skipTemplate('"');
      return tok('string', s.slice(start + 1, this.pos - 1));
    }
    if (c === '<' && s[start + 1] === '<') {
      const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(s.slice(start, start + 200));
      if (m) return this.heredoc(m, tok);
    }
    if (isDigit(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(start, start + 64)) as RegExpExecArray;
      this.pos += m[0].length;
      return tok('number', m[0]);
    }
    if (isIdentStart(c)) {
      let e = start + 1;
      while (e < s.length && isIdentPart(s[e] as string)) e++;
      this.pos = e;
      return tok('ident', s.slice(start, e));
    }
    if (s.startsWith('...', start)) {
      this.pos += 3;
      return tok('punct', '...');
    }
    const two = s.slice(start, start + 2);
    if (PUNCT2.has(two)) {
      this.pos += 2;
      return tok('punct', two);
    }
    if (PUNCT1.has(c)) {
      this.pos++;
      return tok('punct', c);
    }
    this.err(`unexpected character ${JSON.stringify(c)}`);
  }

  private heredoc(m: RegExpExecArray, tok: (kind: TokenKind, text: string, extra?: Partial<Token>) => Token): Token {
    const s = this.src;
    const marker = m[2] as string;
    const headerEnd = this.pos + m[0].length;
    this.newline(headerEnd - 1);
    let p = headerEnd;
    while (p <= s.length) {
      let e = s.indexOf('\n', p);
      if (e < 0) e = s.length;
      if (s.slice(p, e).trim() === marker) {
        const body = s.slice(headerEnd, p);
        this.pos = e;
        return tok('heredoc', body, { strip: m[1] === '-' });
      }
      if (e >= s.length) break;
      this.newline(e);
      p = e + 1;
    }
    this.err(`heredoc ${marker} is not closed`);
  }

  /** Skips a template body up to its closing `"` (consumed), stepping over `${…}` / `%{…}` with brace matching. */
  private skipTemplate(close: '"'): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '\\') {
        this.pos += 2;
      } else if (c === close) {
        this.pos++;
        return;
      } else if (c === '\n') {
        this.newline(this.pos);
        this.pos++;
      } else if ((c === '$' || c === '%') && s[this.pos + 1] === c && s[this.pos + 2] === '{') {
        this.pos += 3;
      } else if ((c === '$' || c === '%') && s[this.pos + 1] === '{') {
        this.pos += 2;
        this.skipInterpolation();
      } else {
        this.pos++;
      }
    }
    this.err('unterminated string');
  }

  /** After `${`: consumes tokens up to the matching `}`. */
  skipInterpolation(): void {
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') this.err('unterminated interpolation');
      if (t.kind === 'punct') {
        if (t.text === '{') depth++;
        else if (t.text === '}' && --depth === 0) return;
      }
    }
  }
}

/** Every token of a text (comments and newlines included), ending with `eof`. */
export function tokenize(src: string): Token[] {
  const lx = new Lexer(src);
  const out: Token[] = [];
  for (;;) {
    const t = lx.next();
    out.push(t);
    if (t.kind === 'eof') return out;
  }
}

/** `<<-` heredoc: removes the smallest indentation of the non-blank lines. */
export function dedent(body: string): string {
  const lines = body.split('\n');
  let min = Number.POSITIVE_INFINITY;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const n = (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length;
    if (n < min) min = n;
  }
  if (!Number.isFinite(min) || min === 0) return body;
  return lines.map((l) => l.slice(Math.min(min, (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length))).join('\n');
}
