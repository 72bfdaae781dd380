import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Lang } from '../core/text.js';
import { loadSnapshot } from '../inventory/snapshot.js';
import { ACCOUNT_TEXT, accountCells, accountInventory, loadRegistry } from '../report/accounts.js';
import { csvDocument } from '../report/csv.js';
import { formatColumns } from './columns.js';
import type { Io } from './io.js';
import { defaultLang } from './messages.js';
import { parseLang } from './scan.js';

const parseFormat = (v: string): 'table' | 'json' | 'csv' => {
  if (v !== 'table' && v !== 'json' && v !== 'csv') throw new InvalidArgumentError('use table, json or csv');
  return v;
};

/** mamori accounts: the account inventory (アカウント棚卸) of a snapshot, against an approved-accounts registry. */
export function registerAccounts(program: Command, io: Io): void {
  program
    .command('accounts')
    .description('account inventory of a snapshot (from scan aws --org --save), checked against accounts.yaml')
    .requiredOption('--from <path>', 'snapshot file or directory')
    .option('--registry <file>', 'accounts.yaml: the approved accounts (accounts: [{ id, name, owner, purpose }])')
    .option('--format <format>', 'table, json or csv', parseFormat, 'table')
    .option('--lang <lang>', 'en or ja', parseLang, defaultLang())
    .action((opts: { from: string; registry?: string; format: 'table' | 'json' | 'csv'; lang: Lang }) => {
      const registry = opts.registry ? loadRegistry(opts.registry) : undefined;
      const rows = accountInventory(loadSnapshot(opts.from).resources, registry);
      if (opts.format === 'json') {
        io.out(JSON.stringify({ format: 'mamori.accounts', version: 1, accounts: rows }, null, 2));
        return;
      }
      const header = ACCOUNT_TEXT.columns[opts.lang];
      const cells = rows.map((r) => accountCells(r, opts.lang));
      if (opts.format === 'csv') {
        io.out(csvDocument([header, ...cells]));
        return;
      }
      io.out(`${ACCOUNT_TEXT.title[opts.lang]}\n\n${formatColumns(header, cells)}`);
      const flagged = rows.filter(
        (r) => r.registry === 'not-in-registry' || r.registry === 'missing-from-organization',
      );
      if (flagged.length > 0) io.exitCode = 1;
    });
}
