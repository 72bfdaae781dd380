import { dedent, LexError, Lexer, type Token } from './lexer.js';

/** HCL expression syntax tree (the subset Terraform configurations use). */
export type Step = { a: string } | { i: Expr } | { splat: true };

export type Expr =
  | { k: 'lit'; v: unknown }
  | { k: 'tpl'; parts: TplPart[] }
  | { k: 'path'; root: string; steps: Step[] }
  | { k: 'post'; base: Expr; steps: Step[] }
  | { k: 'call'; name: string; args: Expr[]; expand: boolean }
  | { k: 'tuple'; items: Expr[] }
  | { k: 'object'; items: Array<[Expr, Expr]> }
  | { k: 'un'; op: string; x: Expr }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'cond'; c: Expr; t: Expr; f: Expr }
  | {
      k: 'for';
      obj: boolean;
      keyVar?: string;
      valVar: string;
      coll: Expr;
      key?: Expr;
      val: Expr;
      cond?: Expr;
      group: boolean;
    };

export type TplPart =
  | string
  | { k: 'interp'; e: Expr }
  | { k: 'if'; c: Expr; yes: TplPart[]; no: TplPart[] }
  | { k: 'for'; keyVar?: string; valVar: string; coll: Expr; body: TplPart[] };

export class ParseError extends Error {}

const BIN_PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)] as Token;
  }
  private take(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private isP(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'punct' && t.text === text;
  }
  private expect(text: string): void {
    const t = this.take();
    if (t.kind !== 'punct' || t.text !== text) throw new ParseError(`expected ${text}, found ${t.text || t.kind}`);
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  expr(): Expr {
    const c = this.binary(0);
    if (this.isP('?')) {
      this.take();
      const t = this.expr();
      this.expect(':');
      const f = this.expr();
      return { k: 'cond', c, t, f };
    }
    return c;
  }

  private binary(min: number): Expr {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t.kind === 'punct' ? BIN_PREC[t.text] : undefined;
      if (prec === undefined || prec <= min) return l;
      this.take();
      const r = this.binary(prec);
      l = { k: 'bin', op: t.text, l, r };
    }
  }

  private unary(): Expr {
    if (this.isP('!') || this.isP('-')) {
      const op = this.take().text;
      return { k: 'un', op, x: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private steps(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') return steps;
      if (t.text === '.') {
        const n = this.peek(1);
        if (n.kind === 'ident') {
          this.take();
          this.take();
          steps.push({ a: n.text });
        } else if (n.kind === 'number') {
          this.take();
          this.take();
          for (const part of n.text.split('.')) steps.push({ i: { k: 'lit', v: Number(part) } });
        } else if (n.kind === 'punct' && n.text === '*') {
          this.take();
          this.take();
          steps.push({ splat: true });
        } else return steps;
      } else if (t.text === '[' && !t.nl) {
        this.take();
        if (this.isP('*') && this.isP(']', 1)) {
          this.take();
          this.take();
          steps.push({ splat: true });
        } else {
          const e = this.expr();
          this.expect(']');
          steps.push({ i: e });
        }
      } else return steps;
    }
  }

  private postfix(base: Expr): Expr {
    const steps = this.steps();
    if (steps.length === 0) return base;
    if (base.k === 'path') return { k: 'path', root: base.root, steps: [...base.steps, ...steps] };
    return { k: 'post', base, steps };
  }

  private primary(): Expr {
    const t = this.take();
    switch (t.kind) {
      case 'number':
        return { k: 'lit', v: Number(t.text) };
      case 'string':
        return templateExpr(parseTemplate(t.text, true));
      case 'heredoc':
        return templateExpr(parseTemplate(t.strip ? dedent(t.text) : t.text, false));
      case 'ident': {
        if (t.text === 'true') return { k: 'lit', v: true };
        if (t.text === 'false') return { k: 'lit', v: false };
        if (t.text === 'null') return { k: 'lit', v: null };
        if (this.isP('(')) {
          this.take();
          const args: Expr[] = [];
          let expand = false;
          while (!this.isP(')')) {
            args.push(this.expr());
            if (this.isP('...')) {
              this.take();
              expand = true;
            }
            if (this.isP(',')) this.take();
            else if (!this.isP(')')) throw new ParseError(`expected , or ) in call to ${t.text}`);
          }
          this.take();
          const name = t.text.includes('::') ? (t.text.split('::').pop() as string) : t.text;
          return { k: 'call', name, args, expand };
        }
        return { k: 'path', root: t.text, steps: [] };
      }
      case 'punct':
        if (t.text === '(') {
          const e = this.expr();
          this.expect(')');
          return e;
        }
        if (t.text === '[') return this.tuple();
        if (t.text === '{') return this.object();
        break;
      default:
        break;
    }
    throw new ParseError(`unexpected ${t.kind === 'eof' ? 'end of expression' : JSON.stringify(t.text)}`);
  }

  private forHead(): { keyVar?: string; valVar: string; coll: Expr } {
    this.take(); // for
    const a = this.take();
    if (a.kind !== 'ident') throw new ParseError('expected a variable name after for');
    let keyVar: string | undefined;
    let valVar = a.text;
    if (this.isP(',')) {
      this.take();
      const b = this.take();
      if (b.kind !== 'ident') throw new ParseError('expected a variable name');
      keyVar = a.text;
      valVar = b.text;
    }
    const inTok = this.take();
    if (inTok.kind !== 'ident' || inTok.text !== 'in') throw new ParseError('expected in');
    const coll = this.expr();
    this.expect(':');
    return keyVar === undefined ? { valVar, coll } : { keyVar, valVar, coll };
  }

  private isFor(): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text === 'for' && this.peek(1).kind === 'ident';
  }

  private tuple(): Expr {
    if (this.isFor()) {
      const head = this.forHead();
      const val = this.expr();
      let cond: Expr | undefined;
      if (this.peek().kind === 'ident' && this.peek().text === 'if') {
        this.take();
        cond = this.expr();
      }
      this.expect(']');
      return { k: 'for', obj: false, ...head, val, ...(cond ? { cond } : {}), group: false };
    }
    const items: Expr[] = [];
    while (!this.isP(']')) {
      items.push(this.expr());
      if (this.isP(',')) this.take();
      else if (!this.isP(']')) throw new ParseError('expected , or ] in a tuple');
    }
    this.take();
    return { k: 'tuple', items };
  }

  private object(): Expr {
    if (this.isFor()) {
      const head = this.forHead();
      const key = this.expr();
      this.expect('=>');
      const val = this.expr();
      let group = false;
      if (this.isP('...')) {
        this.take();
        group = true;
      }
      let cond: Expr | undefined;
      if (this.peek().kind === 'ident' && this.peek().text === 'if') {
        this.take();
        cond = this.expr();
      }
      this.expect('}');
      return { k: 'for', obj: true, ...head, key, val, ...(cond ? { cond } : {}), group };
    }
    const items: Array<[Expr, Expr]> = [];
    while (!this.isP('}')) {
      const kt = this.peek();
      let key: Expr;
      // A bare identifier key is a literal name, not a variable.
      if (kt.kind === 'ident' && (this.isP('=', 1) || this.isP(':', 1))) {
        this.take();
        key = { k: 'lit', v: kt.text };
      } else key = this.expr();
      if (this.isP('=') || this.isP(':')) this.take();
      else throw new ParseError('expected = or : in an object');
      items.push([key, this.expr()]);
      if (this.isP(',')) this.take();
    }
    this.take();
    return { k: 'object', items };
  }
}

function templateExpr(parts: TplPart[]): Expr {
  if (parts.length === 0) return { k: 'lit', v: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', v: parts[0] };
  return { k: 'tpl', parts };
}

function tokensOf(src: string, start: number, end: number): Token[] {
  const lx = new Lexer(src.slice(0, end), start);
  const out: Token[] = [];
  for (;;) {
    const t = lx.next();
    if (t.kind === 'newline' || t.kind === 'comment') continue;
    out.push(t);
    if (t.kind === 'eof') return out;
  }
}

/** Parses an expression source text. */
export function parseExpr(src: string): Expr {
  try {
    const p = new Parser(tokensOf(src, 0, src.length));
    const e = p.expr();
    if (!p.atEnd()) throw new ParseError('unexpected text after the expression');
    return e;
  } catch (e) {
    if (e instanceof LexError) throw new ParseError(e.message);
    throw e;
  }
}

const decodeEscapes = (s: string): string =>
  s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, c: string) => {
    if (c.length > 1) return String.fromCodePoint(Number.parseInt(c.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[c] ?? c;
  });

/** Finds the `}` that closes an interpolation starting at `from` (just after `${`). */
function closeOf(src: string, from: number): number {
  const lx = new Lexer(src, from);
  lx.skipInterpolation();
  return lx.pos - 1;
}

type Directive =
  | { k: 'if'; c: Expr }
  | { k: 'else' }
  | { k: 'endif' }
  | { k: 'for'; keyVar?: string; valVar: string; coll: Expr }
  | { k: 'endfor' };

function parseDirective(src: string): Directive {
  const s = src.trim();
  const word = /^[a-z]+/.exec(s)?.[0] ?? '';
  const rest = s.slice(word.length);
  if (word === 'if') return { k: 'if', c: parseExpr(rest) };
  if (word === 'else' && rest.trim() === '') return { k: 'else' };
  if (word === 'endif' && rest.trim() === '') return { k: 'endif' };
  if (word === 'endfor' && rest.trim() === '') return { k: 'endfor' };
  if (word === 'for') {
    const m = /^\s*([A-Za-z_][\w-]*)\s*(?:,\s*([A-Za-z_][\w-]*)\s*)?in\s([\s\S]*)$/.exec(rest);
    if (m) {
      const coll = parseExpr(m[3] as string);
      return m[2]
        ? { k: 'for', keyVar: m[1] as string, valVar: m[2], coll }
        : { k: 'for', valVar: m[1] as string, coll };
    }
  }
  throw new ParseError(`template directive %{${s}} is not understood`);
}

/**
 * Parses a template: `decode` for the raw content of a quoted string (backslash escapes); hcl2json's strings are
 * already decoded (only `$${` / `%%{` stay escaped). `~` strip markers trim the neighbouring literal whitespace.
 */
export function parseTemplate(src: string, decode: boolean): TplPart[] {
  type Frame = { parts: TplPart[]; node?: Extract<TplPart, { k: 'if' } | { k: 'for' }>; inElse?: boolean };
  const stack: Frame[] = [{ parts: [] }];
  let lit = '';
  let stripNext = false;
  const top = (): Frame => stack[stack.length - 1] as Frame;
  const flush = (stripEnd: boolean): void => {
    let text = decode ? decodeEscapes(lit) : lit;
    if (stripNext) text = text.replace(/^\s+/, '');
    if (stripEnd) text = text.replace(/\s+$/, '');
    if (text !== '') {
      const parts = top().parts;
      const last = parts[parts.length - 1];
      if (typeof last === 'string') parts[parts.length - 1] = last + text;
      else parts.push(text);
    }
    lit = '';
    stripNext = false;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (decode && c === '\\') {
      lit += src.slice(i, i + 2);
      i += 2;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      lit += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === '{') {
      let start = i + 2;
      const end = closeOf(src, start);
      let stop = end;
      const stripBefore = src[start] === '~';
      if (stripBefore) start++;
      const stripAfter = src[stop - 1] === '~';
      if (stripAfter) stop--;
      flush(stripBefore);
      const inner = src.slice(start, stop);
      if (c === '$') top().parts.push({ k: 'interp', e: parseExpr(inner) });
      else {
        const d = parseDirective(inner);
        if (d.k === 'if') {
          const node: TplPart = { k: 'if', c: d.c, yes: [], no: [] };
          top().parts.push(node);
          stack.push({ parts: node.yes, node });
        } else if (d.k === 'for') {
          const node: TplPart = {
            k: 'for',
            valVar: d.valVar,
            coll: d.coll,
            body: [],
            ...(d.keyVar ? { keyVar: d.keyVar } : {}),
          };
          top().parts.push(node);
          stack.push({ parts: node.body, node });
        } else if (d.k === 'else') {
          const f = top();
          if (f.node?.k !== 'if' || f.inElse) throw new ParseError('%{else} without %{if}');
          stack.pop();
          stack.push({ parts: f.node.no, node: f.node, inElse: true });
        } else {
          const f = top();
          if (f.node?.k !== (d.k === 'endif' ? 'if' : 'for')) throw new ParseError(`%{${d.k}} out of place`);
          stack.pop();
        }
      }
      stripNext = stripAfter;
      i = end + 1;
      continue;
    }
    lit += c;
    i++;
  }
  flush(false);
  if (stack.length !== 1) throw new ParseError('template directive not closed');
  return (stack[0] as Frame).parts;
}
