import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { AWS_COLLECTORS } from '../collect/aws/index.js';
import { collectAws } from '../collect/aws/scan.js';
import { runScanAsync } from '../engine/scan.js';
import type { InventoryPart } from '../inventory/snapshot.js';
import { SnapshotWriter } from '../inventory/snapshot-writer.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { collectProgress } from './aws-progress.js';
import { addExceptionOptions, type ConfigOptions, scanSettings } from './config.js';
import type { Io } from './io.js';
import { msg } from './messages.js';
import {
  addFrameworkOptions,
  addOutputOptions,
  emitOutputs,
  type FrameworkOptions,
  frameworkOf,
  type OutputOptions,
  UsageError,
} from './scan.js';

interface AwsOptions extends OutputOptions, FrameworkOptions, ConfigOptions {
  profile?: string;
  regions: string;
  org?: boolean;
  roleName?: string;
  externalId?: string;
  accounts?: string;
  save?: string;
  endpointUrl?: string;
  maxAttempts: number;
}

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
};

/** mamori scan aws: collect live (read-only), evaluate as each account completes, optionally save the snapshot. */
export function registerScanAws(scan: Command, io: Io): void {
  const aws = scan
    .command('aws')
    .description('collect a live AWS account (or an Organization) read-only through the AWS SDK and evaluate it')
    .option('--profile <name>', 'shared config / SSO profile (default: the SDK default credential chain)')
    .option('--regions <list>', 'all (every enabled region) or a comma list', 'all')
    .option(
      '--org',
      'scan every active account of the AWS Organization (run with management or delegated admin credentials)',
    )
    .option('--role-name <name>', 'role to assume in each member account (with --org)')
    .option('--external-id <id>', 'external id for the role (with --org)')
    .option('--accounts <ids>', 'only these account ids (comma list, with --org)')
    .option('--save <path>', 'write the snapshot: a .json file, or a directory with one file per account')
    .option(
      '--endpoint-url <url>',
      'send every call to this AWS-compatible endpoint (also AWS_ENDPOINT_URL[_<SERVICE>])',
    )
    .option('--max-attempts <n>', 'attempts per call, throttling retries included', positiveInt, 8);
  addExceptionOptions(addFrameworkOptions(addOutputOptions(aws))).action(async (opts: AwsOptions) => {
    if (opts.org && !opts.roleName) throw new UsageError('--org needs --role-name');
    const settings = scanSettings(opts);
    const framework = frameworkOf(opts, settings.frameworkDirs);
    const regions =
      opts.regions === 'all'
        ? ('all' as const)
        : opts.regions
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean);
    const writer = opts.save
      ? new SnapshotWriter(opts.save, {
          generatedAt: new Date().toISOString(),
          generator: { name: 'mamori', version: '0.1.0' },
        })
      : undefined;
    const progress = collectProgress(
      opts.lang,
      {
        global: AWS_COLLECTORS.filter((c) => c.scope === 'global').length,
        regional: AWS_COLLECTORS.filter((c) => c.scope === 'regional').length,
      },
      (line) => io.err(line),
    );
    const parts = collectAws({
      regions,
      maxAttempts: opts.maxAttempts,
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.endpointUrl ? { endpointUrl: opts.endpointUrl } : {}),
      ...(opts.org
        ? { org: { roleName: opts.roleName!, ...(opts.externalId ? { externalId: opts.externalId } : {}) } }
        : {}),
      ...(opts.accounts ? { accounts: opts.accounts.split(',').map((a) => a.trim()) } : {}),
      onEvent: progress.onEvent,
    });
    async function* saved(): AsyncGenerator<InventoryPart> {
      for await (const part of parts) {
        writer?.write(part);
        yield part;
      }
    }
    try {
      const result = await runScanAsync(saved(), BUILTIN_RULES, {
        ...(framework ? { framework } : {}),
        ...(settings.exceptions ? { exceptions: settings.exceptions, exceptionsNow: settings.now } : {}),
        inputs: [opts.endpointUrl ? `aws (${opts.endpointUrl})` : 'aws'],
      });
      progress.stop();
      writer?.close();
      if (opts.save) io.err(msg('wrote', opts.lang, { path: opts.save }));
      io.exitCode = emitOutputs(result, opts, io);
    } catch (e) {
      progress.stop();
      writer?.abort();
      throw e;
    }
  });
}
