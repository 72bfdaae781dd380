// Whether a name and value look like a secret written in clear text: shared by the live Lambda collector (which
// keeps only variable names) and the template mappers, so both judge environment variables alike.

/**
 * Names under which a literal value is taken for a secret, matched on the name in upper snake case (dbPassword →
 * DB_PASSWORD): PASSWORD, SECRET and CREDENTIAL anywhere, TOKEN and API/PRIVATE KEY as whole words (not TOKENIZER).
 */
const SECRET_NAME = /PASS(WORD|WD)|SECRET|CREDENTIAL|(^|_)(TOKEN|API_?KEY|PRIVATE_?KEY)S?(_|$)/;
const snakeUpper = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
/** AWS access key ids: long-term (AKIA) and temporary (ASIA). */
const ACCESS_KEY_ID = /(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)/;
const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/;
/** Token formats with a fixed prefix (GitHub, Slack, Stripe, Google API keys). */
const KNOWN_TOKEN =
  /^(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_\w{16,}|AIza[\w-]{35})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** A value that points at a secret kept elsewhere rather than holding one. */
const isReference = (value: string): boolean =>
  value.startsWith('arn:') || value.startsWith('/') || value.startsWith('{{resolve:') || value.startsWith('${');

/** A long random-looking token (base64 or similar, at least 32 characters, mixed letters and digits). */
function looksRandom(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value) || UUID.test(value) || value.startsWith('/'))
    return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return entropy(value) >= 4.2;
}

/** Whether an environment variable looks like a secret written in clear text, by its value or its name. */
export function looksSecret(name: string, value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (ACCESS_KEY_ID.test(v) || PRIVATE_KEY.test(v) || KNOWN_TOKEN.test(v) || looksRandom(v)) return true;
  const literal = !isReference(v) && !/^(\d+|true|false)$/i.test(v);
  return literal && SECRET_NAME.test(snakeUpper(name));
}
