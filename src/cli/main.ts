import { Command, CommanderError } from 'commander';
import { InputError } from '../core/input-error.js';
import { TOOL } from '../engine/scan.js';
import { registerAccounts } from './accounts.js';
import { registerExceptions } from './exceptions.js';
import { registerFrameworks } from './frameworks.js';
import { registerIac } from './iac.js';
import { type Io, processIo } from './io.js';
import { defaultLang, msg } from './messages.js';
import { registerReport } from './report.js';
import { registerRules } from './rules.js';
import { registerScan, UsageError } from './scan.js';
import { registerScanAws } from './scan-aws.js';

/**
 * Exit codes: 0 done, 1 findings at or above --fail-on, 2 usage or input errors,
 * 4 a requested report format could not be written (PDF without Chromium; the others were).
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const program = new Command('mamori')
    .description('Cloud security posture and compliance as code (English / 日本語)')
    .version(TOOL.version)
    .exitOverride()
    // `scan` and `scan aws` share option names: each level's options belong to the command they follow.
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerScanAws(registerScan(program, io), io);
  registerIac(program, io);
  registerRules(program, io);
  registerAccounts(program, io);
  registerFrameworks(program, io);
  registerExceptions(program, io);
  registerReport(program, io);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help'
        ? 0
        : 2;
    }
    if (e instanceof InputError || e instanceof UsageError) {
      io.err(`mamori: ${msg('error', defaultLang())}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
