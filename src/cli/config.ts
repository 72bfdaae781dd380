// The config file (mamori.yaml in the working directory, or --config FILE) and the options that read it:
// --exceptions FILE, --config FILE and the hidden --now DATE (the day exceptions are judged against, for tests).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../core/input-error.js';
import { parseNow } from '../exceptions/clock.js';
import { loadExceptions } from '../exceptions/load.js';
import type { Exceptions } from '../exceptions/model.js';
import { checkSchema, parseYaml } from '../exceptions/yaml-input.js';

export const CONFIG_FILE = 'mamori.yaml';

export interface MamoriConfig {
  /** The config file read, if any. */
  file?: string;
  /** Exceptions file, resolved against the config file's directory. */
  exceptions?: string;
  /** Directories (or files) of custom frameworks, resolved against the config file's directory. */
  frameworks: string[];
}

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    exceptions: { type: 'string', minLength: 1, description: 'exceptions file' },
    frameworks: {
      type: ['string', 'array'],
      minLength: 1,
      items: { type: 'string', minLength: 1 },
      description: 'directories of custom frameworks',
    },
  },
};

let validator: ValidateFunction | undefined;
const configValidator = (): ValidateFunction => {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(CONFIG_SCHEMA);
  return validator;
};

/**
 * The config: `explicit` (--config; it must exist), else mamori.yaml in `cwd` when there is one, else nothing.
 * Relative paths inside are relative to the config file.
 */
export function loadConfig(explicit?: string, cwd: string = process.cwd()): MamoriConfig {
  const file = explicit ?? (existsSync(resolve(cwd, CONFIG_FILE)) ? resolve(cwd, CONFIG_FILE) : undefined);
  if (file === undefined) return { frameworks: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): MamoriConfig {
  const parsed = parseYaml(text, file);
  if (parsed.data === null || parsed.data === undefined) return { file, frameworks: [] };
  checkSchema(parsed, configValidator(), file, 'mamori config');
  const data = parsed.data as { exceptions?: string; frameworks?: string | string[] };
  const base = dirname(resolve(file));
  const frameworks =
    data.frameworks === undefined ? [] : Array.isArray(data.frameworks) ? data.frameworks : [data.frameworks];
  return {
    file,
    ...(data.exceptions !== undefined ? { exceptions: resolve(base, data.exceptions) } : {}),
    frameworks: frameworks.map((d) => resolve(base, d)),
  };
}

/** --now: a day (YYYY-MM-DD) or an ISO time. */
export const parseNowOption = (v: string): Date => {
  const d = parseNow(v);
  if (!d) throw new InvalidArgumentError('use a date YYYY-MM-DD or an ISO time');
  return d;
};

export interface ConfigOptions {
  config?: string;
  exceptions?: string;
  now?: Date;
}

/** --config, and the hidden --now (the day exceptions are judged against; tests set it). */
export const addConfigOption = (cmd: Command): Command =>
  cmd
    .option('--config <file>', `config file (default: ${CONFIG_FILE} in the working directory, when present)`)
    .addOption(
      new Option('--now <date>', 'judge exception expiry as of this day (YYYY-MM-DD)')
        .argParser(parseNowOption)
        .hideHelp(),
    );

/** --exceptions FILE, --config FILE and --now, for every command that produces findings (scan, scan aws, iac). */
export const addExceptionOptions = (cmd: Command): Command =>
  addConfigOption(
    cmd.option(
      '--exceptions <file>',
      "apply the exceptions in this YAML file (default: the config file's `exceptions`)",
    ),
  );

export interface ScanSettings {
  config: MamoriConfig;
  /** The exceptions to apply: --exceptions, else the config file's; undefined when neither names a file. */
  exceptions?: Exceptions;
  /** The time exception expiry is judged against: --now, else the current time. */
  now: Date;
  /** Framework directories: --frameworks DIR when given, else the config file's `frameworks`. */
  frameworkDirs: string[];
}

export function scanSettings(opts: ConfigOptions & { frameworks?: string }): ScanSettings {
  const config = loadConfig(opts.config);
  const file = opts.exceptions ?? config.exceptions;
  return {
    config,
    ...(file !== undefined ? { exceptions: loadExceptions(file) } : {}),
    now: opts.now ?? new Date(),
    frameworkDirs: opts.frameworks ? [opts.frameworks] : config.frameworks,
  };
}
