import { isUnknown } from '../core/resource.js';
import type { IacBlock, IacDocument } from './model.js';
import { isRef } from './model.js';

/** One hard-coded secret: what kind and where. The value itself is never kept. */
export interface SecretHit {
  kind: string;
  file: string;
  line: number;
  /** The property or input that holds it, when it is one. */
  path?: string;
}

/** Patterns of credentials with a recognisable form, searched line by line in every file read. */
const TEXT_PATTERNS: ReadonlyArray<{ kind: string; re: RegExp; ignore?: RegExp }> = [
  // AWS documentation's own example keys end in EXAMPLE: not a credential.
  { kind: 'aws-access-key-id', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g, ignore: /EXAMPLE$/ },
  {
    kind: 'aws-secret-access-key',
    re: /(?:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
    ignore: /EXAMPLEKEY/,
  },
  { kind: 'private-key', re: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'github-token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { kind: 'slack-token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
];

/** Property or input names that hold a secret; names that only describe one (an ARN, a length, a policy) do not. */
const SECRET_NAME = /(password|passwd|secret|token|private_?key|api_?key|credential)/i;
const NOT_A_SECRET_NAME =
  /(arn|arns|id|ids|name|length|policy|type|version|enabled|rotation|reset|required|path|strategy|mode|method|format|endpoint|url|uri|source|location|age|days)$/i;

/** Values that point at a secret instead of holding one, or are plainly placeholders. */
const isReference = (v: string): boolean =>
  v.startsWith('{{resolve:') || v.includes('${') || v.startsWith('arn:') || v.trim() === '' || isEnumWord(v);

/** A setting's value, not a secret: ROTATE, SET, SecureString, true (an API enum or a boolean word). */
const isEnumWord = (v: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(v) || /^(true|false|SecureString|String)$/i.test(v);

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name) && !NOT_A_SECRET_NAME.test(name);

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

function scanText(file: string, text: string, hits: SecretHit[]): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const { kind, re, ignore } of TEXT_PATTERNS) {
      for (const m of line.matchAll(re)) {
        if (ignore?.test(m[0])) continue;
        hits.push({ kind, file, line: i + 1 });
      }
    }
  });
}

/** Literal strings in secret-named properties of a block, walked with their template paths. */
function scanBlock(block: IacBlock, hits: SecretHit[]): void {
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const name = lastSegment(path);
      if (/^\d+$/.test(name) || !isSecretName(name) || isReference(value)) return;
      let line = block.line;
      for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
        const l = block.lines[p];
        if (l !== undefined) {
          line = l;
          break;
        }
      }
      hits.push({ kind: 'plain-text-secret-property', file: block.file, line, path: `${block.address}.${path}` });
      return;
    }
    if (value === null || typeof value !== 'object' || isUnknown(value) || isRef(value)) return;
    for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
  };
  walk(block.props, '');
}

/**
 * Hard-coded secrets of one document: credential patterns in the text of every file it read, literal values in
 * secret-named properties (MasterUserPassword, password, AuthToken…), and secret-named or NoEcho parameters and
 * variables with a literal default. Each hit says what and where; the value is dropped here.
 */
export function findSecrets(doc: IacDocument, readText: (file: string) => string | undefined): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const file of doc.files) {
    const text = readText(file);
    if (text !== undefined) scanText(file, text, hits);
  }
  for (const block of doc.blocks) scanBlock(block, hits);
  for (const input of doc.inputs ?? []) {
    if (typeof input.value !== 'string' || isReference(input.value)) continue;
    if (input.noEcho || isSecretName(input.name)) {
      hits.push({ kind: 'secret-default', file: input.file, line: input.line, path: input.name });
    }
  }
  // One hit per place and kind, in file order.
  const seen = new Set<string>();
  return hits
    .filter((h) => {
      const key = `${h.file}\0${h.line}\0${h.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
