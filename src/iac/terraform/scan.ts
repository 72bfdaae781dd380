import { type Token, tokenize } from './lexer.js';

/**
 * Where things are written in one .tf file: hcl2json gives no positions, so one pass over the tokens finds every
 * block, attribute and (inside object / tuple constructors) element line, and every comment.
 */

export interface ScanAttr {
  kind: 'attr';
  name: string;
  line: number;
  /** Lines inside an object / tuple constructor value, by relative path (`Name`, `0`, `0.cidr_blocks`). */
  sub: Record<string, number>;
}

export interface ScanBlock {
  kind: 'block';
  type: string;
  labels: string[];
  line: number;
  endLine: number;
  body: ScanBody;
}

export interface ScanBody {
  items: Array<ScanAttr | ScanBlock>;
}

export interface ScanComment {
  line: number;
  text: string;
  /** Nothing else is written on its line. */
  alone: boolean;
}

export interface ScanFile {
  body: ScanBody;
  comments: ScanComment[];
}

class Scanner {
  private i = 0;
  readonly comments: ScanComment[] = [];
  private readonly toks: Token[];

  constructor(all: Token[]) {
    const toks: Token[] = [];
    let lastLine = 0;
    for (const t of all) {
      if (t.kind === 'comment') {
        this.comments.push({ line: t.line, text: t.text, alone: t.line !== lastLine });
        continue;
      }
      if (t.kind !== 'newline') lastLine = t.line;
      toks.push(t);
    }
    this.toks = toks;
  }

  private peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)] as Token;
  }

  private take(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  body(nested: boolean): { body: ScanBody; endLine: number } {
    const items: ScanBody['items'] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') return { body: { items }, endLine: t.line };
      if (t.kind === 'punct' && t.text === '}') {
        if (nested) {
          this.take();
          return { body: { items }, endLine: t.line };
        }
        this.take();
        continue;
      }
      if (t.kind !== 'ident') {
        this.take();
        continue;
      }
      const next = this.peek(1);
      if (next.kind === 'punct' && (next.text === '=' || next.text === ':')) {
        this.take();
        this.take();
        const sub: Record<string, number> = {};
        this.value(sub, '', true);
        items.push({ kind: 'attr', name: t.text, line: t.line, sub });
        continue;
      }
      // A block: type, labels, `{`.
      this.take();
      const labels: string[] = [];
      while (this.peek().kind === 'string' || this.peek().kind === 'ident') labels.push(this.take().text);
      const open = this.peek();
      if (open.kind === 'punct' && open.text === '{') {
        this.take();
        const inner = this.body(true);
        items.push({ kind: 'block', type: t.text, labels, line: t.line, endLine: inner.endLine, body: inner.body });
      }
    }
  }

  /**
   * Consumes one expression. `top`: an attribute value, ending at a newline (or a `}` closing a one-line block)
   * at depth 0. Inside constructors the value ends at `,` or the closing bracket. Records constructor lines.
   */
  private value(sub: Record<string, number>, prefix: string, nlEnds: boolean): void {
    const first = this.peek();
    if (first.kind === 'punct' && (first.text === '{' || first.text === '[')) {
      const after = this.peek(1);
      const isFor = after.kind === 'ident' && after.text === 'for' && this.peek(2).kind === 'ident';
      if (!isFor) {
        this.take();
        if (first.text === '[') this.tuple(sub, prefix);
        else this.object(sub, prefix);
        // An operator may follow (`[...] == x`, `{...}[k]`): skip the rest of the expression.
        this.rest(nlEnds);
        return;
      }
    }
    this.rest(nlEnds);
  }

  /** Skips tokens to the end of the current expression. */
  private rest(nlEnds: boolean): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'newline' && depth === 0 && nlEnds) return;
      if (t.kind === 'punct') {
        if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
        else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (depth === 0) return;
          depth--;
        } else if (t.text === ',' && depth === 0) return;
      }
      this.take();
    }
  }

  private tuple(sub: Record<string, number>, prefix: string): void {
    let index = 0;
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'punct' && t.text === ']') {
        this.take();
        return;
      }
      if (t.kind === 'punct' && t.text === ',') {
        this.take();
        continue;
      }
      sub[`${prefix}${index}`] = t.line;
      this.value(sub, `${prefix}${index}.`, false);
      index++;
      const after = this.peek();
      if (after.kind === 'punct' && (after.text === ')' || after.text === '}')) this.take();
    }
  }

  private object(sub: Record<string, number>, prefix: string): void {
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') return;
      if (t.kind === 'punct' && t.text === '}') {
        this.take();
        return;
      }
      if (t.kind === 'punct' && t.text === ',') {
        this.take();
        continue;
      }
      const eq = this.peek(1);
      if ((t.kind === 'ident' || t.kind === 'string') && eq.kind === 'punct' && (eq.text === '=' || eq.text === ':')) {
        this.take();
        this.take();
        const key = t.kind === 'string' ? unquoteSimple(t.text) : t.text;
        sub[`${prefix}${key}`] = t.line;
        this.value(sub, `${prefix}${key}.`, true);
      } else {
        // A computed key `(expr) = v` or something unusual: skip the item.
        this.rest(true);
      }
      const after = this.peek();
      if (after.kind === 'newline' || (after.kind === 'punct' && after.text === ',')) this.take();
      else if (after.kind === 'punct' && (after.text === ')' || after.text === ']')) this.take();
    }
  }
}

const unquoteSimple = (raw: string): string => (raw.includes('\\') ? raw.replace(/\\(.)/g, '$1') : raw);

/** Scans one file's text. Throws LexError on text the lexer cannot read. */
export function scanFile(text: string): ScanFile {
  const s = new Scanner(tokenize(text));
  const { body } = s.body(false);
  return { body, comments: s.comments };
}

/** The blocks of a body with that type (and first label), in order. */
export const blocksOf = (body: ScanBody, type: string): ScanBlock[] =>
  body.items.filter((i): i is ScanBlock => i.kind === 'block' && i.type === type);
