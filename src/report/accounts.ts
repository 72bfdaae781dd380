import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { InputError } from '../core/input-error.js';
import type { Resource } from '../core/resource.js';
import type { Lang, Text } from '../core/text.js';
import type { AccountProps, CredentialReportRow } from '../inventory/aws/account.js';
import type { IamUserProps } from '../inventory/aws/iam.js';
import type { OrganizationAccountProps } from '../inventory/aws/services.js';

/** One line of the account inventory (アカウント棚卸). */
export interface AccountRow {
  id: string;
  name: string;
  emailDomain: string;
  status: string;
  joined: string;
  /** Whether the snapshot holds the account's own resources (it was scanned). */
  scanned: boolean;
  /** Newest sign-in or access key use in the credential report (root included), when known. */
  lastActivity: string | null;
  registry: 'approved' | 'not-in-registry' | 'missing-from-organization' | 'no-registry';
  owner?: string;
}

export interface RegistryEntry {
  id: string;
  name?: string;
  owner?: string;
  purpose?: string;
}

/** Reads accounts.yaml: `accounts: [{ id: '123456789012', name, owner, purpose }]`. Errors name file and line. */
export function loadRegistry(file: string): RegistryEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new InputError(file, pos ? `line ${pos.line}, column ${pos.col}` : undefined, first.message);
  }
  const data = doc.toJS() as { accounts?: unknown };
  if (!data || !Array.isArray(data.accounts)) throw new InputError(file, '/accounts', 'must be a list of accounts');
  return data.accounts.map((a: unknown, i: number) => {
    const entry = a as Record<string, unknown>;
    const id = typeof entry?.id === 'number' ? String(entry.id).padStart(12, '0') : entry?.id;
    if (typeof id !== 'string' || !/^\d{12}$/.test(id)) {
      throw new InputError(file, `/accounts/${i}/id`, 'must be a 12-digit account id (quote it: "012345678901")');
    }
    return {
      id,
      ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
      ...(typeof entry.owner === 'string' ? { owner: entry.owner } : {}),
      ...(typeof entry.purpose === 'string' ? { purpose: entry.purpose } : {}),
    };
  });
}

const ACTIVITY_FIELDS = ['password_last_used', 'access_key_1_last_used_date', 'access_key_2_last_used_date'];
const newest = (rows: ReadonlyArray<CredentialReportRow | undefined>): string | null => {
  let best: string | null = null;
  for (const row of rows) {
    for (const f of ACTIVITY_FIELDS) {
      const v = row?.[f];
      if (v && /^\d{4}-\d{2}-\d{2}T/.test(v) && (best === null || Date.parse(v) > Date.parse(best))) best = v;
    }
  }
  return best;
};

/** The inventory from a snapshot's organisation account list (or its scanned accounts), against a registry. */
export function accountInventory(resources: readonly Resource[], registry?: readonly RegistryEntry[]): AccountRow[] {
  const byAccount = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byAccount.get(r.account) ?? [];
    list.push(r);
    byAccount.set(r.account, list);
  }
  const approved = new Map((registry ?? []).map((e) => [e.id, e]));
  const org = resources.filter((r) => r.type === 'aws.organizations.account') as Resource<OrganizationAccountProps>[];
  const listed =
    org.length > 0
      ? org.map((r) => r.props)
      : [...byAccount.keys()].map((id) => ({ Id: id }) as OrganizationAccountProps);
  const rows: AccountRow[] = listed.map((a) => {
    const own = byAccount.get(a.Id!) ?? [];
    const account = own.find((r) => r.type === 'aws.account') as Resource<AccountProps> | undefined;
    const users = own.filter((r) => r.type === 'aws.iam.user') as Resource<IamUserProps>[];
    const entry = approved.get(a.Id!);
    return {
      id: a.Id!,
      name: a.Name ?? account?.name ?? a.Id!,
      emailDomain: a.Email?.split('@')[1] ?? '',
      status: a.State ?? a.Status ?? (account ? 'ACTIVE' : ''),
      joined: a.JoinedTimestamp ?? '',
      scanned: account !== undefined,
      lastActivity: account
        ? newest([account.props.RootCredentialReport, ...users.map((u) => u.props.CredentialReport)])
        : null,
      registry: registry === undefined ? 'no-registry' : entry ? 'approved' : 'not-in-registry',
      ...(entry?.owner ? { owner: entry.owner } : {}),
    };
  });
  const present = new Set(rows.map((r) => r.id));
  for (const e of registry ?? []) {
    if (present.has(e.id)) continue;
    rows.push({
      id: e.id,
      name: e.name ?? e.id,
      emailDomain: '',
      status: '',
      joined: '',
      scanned: false,
      lastActivity: null,
      registry: 'missing-from-organization',
      ...(e.owner ? { owner: e.owner } : {}),
    });
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

export const ACCOUNT_TEXT = {
  title: { en: 'Account inventory', ja: 'アカウント棚卸' },
  columns: {
    en: ['Account', 'Name', 'E-mail domain', 'Status', 'Joined', 'Scanned', 'Last activity', 'Registry'],
    ja: ['アカウント', '名前', 'メールドメイン', '状態', '参加日', 'スキャン', '最終利用', '台帳'],
  },
  yes: { en: 'yes', ja: 'はい' },
  no: { en: 'no', ja: 'いいえ' },
  registry: {
    approved: { en: 'approved', ja: '承認済み' },
    'not-in-registry': { en: 'NOT IN REGISTRY', ja: '台帳にない' },
    'missing-from-organization': { en: 'MISSING FROM ORGANIZATION', ja: '組織に存在しない' },
    'no-registry': { en: '-', ja: '-' },
  } satisfies Record<AccountRow['registry'], Text>,
};

/** Cells of one row in the chosen language. */
export const accountCells = (r: AccountRow, lang: Lang): string[] => [
  r.id,
  r.name,
  r.emailDomain,
  r.status,
  r.joined.slice(0, 10),
  (r.scanned ? ACCOUNT_TEXT.yes : ACCOUNT_TEXT.no)[lang],
  r.lastActivity?.slice(0, 10) ?? '-',
  ACCOUNT_TEXT.registry[r.registry][lang],
];
