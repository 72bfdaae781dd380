/** Fn::Cidr on a known block: `count` subnets of `bits` host bits each, in order (IPv4 and IPv6). */
export function cidrSubnets(block: string, count: number, bits: number): string[] | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(block.trim());
  if (!m || !Number.isInteger(count) || !Number.isInteger(bits) || count < 1 || count > 256 || bits < 1) {
    return undefined;
  }
  const v6 = (m[1] as string).includes(':');
  const total = v6 ? 128 : 32;
  const prefix = Number(m[2]);
  const base = v6 ? parse6(m[1] as string) : parse4(m[1] as string);
  const length = total - bits;
  if (base === undefined || prefix > total || length < prefix || BigInt(count) > 1n << BigInt(length - prefix)) {
    return undefined;
  }
  const mask = ((1n << BigInt(total)) - 1n) ^ ((1n << BigInt(total - prefix)) - 1n);
  const start = base & mask;
  const out: string[] = [];
  for (let i = 0n; i < BigInt(count); i++) {
    const net = start + (i << BigInt(bits));
    out.push(`${v6 ? format6(net) : format4(net)}/${length}`);
  }
  return out;
}

function parse4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

const format4 = (n: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');

function parse6(s: string): bigint | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? (halves[0] as string).split(':') : [];
  const tail = halves.length === 2 && halves[1] ? (halves[1] as string).split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return n;
}

function format6(n: bigint): string {
  const groups: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(Number((n >> s) & 0xffffn));
  // RFC 5952: the longest run (≥ 2) of zero groups becomes '::'.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
