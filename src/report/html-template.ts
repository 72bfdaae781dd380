// A tiny HTML builder whose only way to insert a value is through `esc`: every interpolation in html`…` is escaped
// unless it is markup this module built itself (a `Markup`). Strings from the cloud can therefore never become markup.

/** Markup built by `html` (already safe). Plain strings are never trusted. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Markup | string | number | boolean | null | undefined | readonly Part[];

/** The one escape function: text and double- or single-quoted attribute values alike. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
export const esc = (s: string): string =>
  s.replace(CONTROL, '\uFFFD').replace(/[&<>"'`\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`);

function render(v: Part): string {
  if (v instanceof Markup) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false || v === true) return '';
  return esc(String(v));
}

/** Tagged template: html`<p>${text}</p>` escapes `text`; nested html`` results and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Markup(out);
}

/** Markup from a constant this module wrote (CSS, script, SVG numbers), never from data. */
export const trusted = (s: string): Markup => new Markup(s);

export const join = (parts: readonly Markup[], sep = ''): Markup => new Markup(parts.map((p) => p.value).join(sep));
