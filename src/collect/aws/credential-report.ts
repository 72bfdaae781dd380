import { setTimeout as sleep } from 'node:timers/promises';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { CredentialReportRow } from '../../inventory/aws/account.js';
import type { CollectContext } from './runtime/context.js';

/** The IAM credential report of one account: its rows by user name (`<root_account>` for the root user). */
export interface CredentialReport {
  rows: Map<string, CredentialReportRow>;
  /** When IAM generated the report (ISO). */
  generatedTime?: string;
}

/** The root user's row name in the report. */
export const ROOT_ROW = '<root_account>';

/** Waits between GenerateCredentialReport polls: 0.25 s doubling to 2 s, about 30 s in all. */
const POLL_DELAYS_MS = [
  250, 500, 1_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000,
];

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

/**
 * Reads the credential report once per account (the users and account collectors share it). Asks IAM to generate
 * it and polls until IAM says COMPLETE, a bounded number of times; then reads and parses it. The promise rejects
 * with the SDK error (or a CredentialReportNotReady error) when the report cannot be read; it never goes unhandled.
 */
export function credentialReport(ctx: CollectContext, iam: IAMClient): Promise<CredentialReport> {
  return ctx.shared('iam:credential-report', () => {
    const p = readCredentialReport(iam);
    p.catch(() => undefined);
    return p;
  });
}

async function readCredentialReport(iam: IAMClient): Promise<CredentialReport> {
  for (let attempt = 0; ; attempt++) {
    let state: string | undefined;
    try {
      state = (await iam.send(new GenerateCredentialReportCommand({}))).State;
    } catch {
      // Not allowed to generate one: a report generated earlier may still be there to read.
      break;
    }
    if (state === 'COMPLETE') break;
    const delay = POLL_DELAYS_MS[attempt];
    if (delay === undefined) {
      throw named(
        'CredentialReportNotReady',
        `iam:GenerateCredentialReport still ${state ?? 'not complete'} after polling`,
      );
    }
    await sleep(delay);
  }
  const out = await iam.send(new GetCredentialReportCommand({}));
  const text = out.Content ? Buffer.from(out.Content).toString('utf8') : '';
  const rows = new Map(parseCsv(text).map((row) => [row.user ?? '', row]));
  return { rows, ...(out.GeneratedTime ? { generatedTime: out.GeneratedTime.toISOString() } : {}) };
}

/** Parses the report's CSV (a header line, then one line per user) into rows keyed by the header's column names. */
export function parseCsv(text: string): CredentialReportRow[] {
  const lines = splitCsv(text);
  const header = lines.shift();
  if (!header) return [];
  return lines
    .filter((cells) => cells.length > 1 || (cells[0] ?? '') !== '')
    .map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])));
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function splitCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
