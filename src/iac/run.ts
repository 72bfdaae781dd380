import { dirname, relative, sep } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { Resource, SourceLocation } from '../core/resource.js';
import type { IacTemplateProps } from '../inventory/aws/iac.js';
import { loadCloudFormation } from './cloudformation/index.js';
import { discover, fsIo, mayBeTemplate } from './discover.js';
import type { IacBlock, IacDocument, IacIo, IacProblem, Suppression } from './model.js';
import { findSecrets } from './secrets.js';
import { loadTerraform, loadTerraformPlan } from './terraform/index.js';
import { IAC_ACCOUNT, IAC_REGION, toResources } from './to-resources.js';

export interface IacScanOptions {
  /** Terraform -var-file and -var. */
  varFiles?: readonly string[];
  vars?: Readonly<Record<string, string>>;
  /** CloudFormation parameter overrides. */
  parameters?: Readonly<Record<string, string>>;
}

export interface AdaptedPaths {
  documents: IacDocument[];
  resources: Resource[];
  problems: IacProblem[];
  /** Every file read, for the report's inputs. */
  files: string[];
  /** Template types no mapper reads, with how many blocks: shown so that nothing is silently unjudged. */
  unmapped: Map<string, number>;
  /** Resource uid → the inline suppressions that apply to it (its block's and its joined blocks'). */
  suppressions: Map<string, Suppression[]>;
}

/** Adapts every template, configuration and plan under the paths into Resources (plus one per file read). */
export async function adaptPaths(
  paths: readonly string[],
  options: IacScanOptions = {},
  io: IacIo = fsIo,
): Promise<AdaptedPaths> {
  const found = discover(paths);
  const problems: IacProblem[] = [...found.problems];
  const documents: IacDocument[] = [];

  for (const file of found.documents) {
    const text = io.readText(file);
    if (text === undefined || !mayBeTemplate(text)) continue;
    try {
      const doc =
        loadCloudFormation(file, io, options.parameters ? { parameters: { ...options.parameters } } : {}) ??
        (file.endsWith('.json') ? loadTerraformPlan(file, io) : undefined);
      if (doc) documents.push(doc);
    } catch (e) {
      problems.push({ file, message: `cannot adapt: ${(e as Error).message}`, level: 'error' });
    }
  }

  const terraform: IacDocument[] = [];
  for (const dir of found.terraformDirs) {
    try {
      terraform.push(
        await loadTerraform(dir, io, {
          ...(options.varFiles ? { varFiles: options.varFiles } : {}),
          ...(options.vars ? { vars: options.vars } : {}),
        }),
      );
    } catch (e) {
      problems.push({ file: dir, message: `cannot adapt: ${(e as Error).message}`, level: 'error' });
    }
  }
  // A directory another configuration calls as a module is judged inside that one, with its inputs, not alone.
  const asModule = new Set<string>();
  for (const doc of terraform) {
    for (const f of doc.files) if (dirname(f) !== doc.root) asModule.add(dirname(f));
  }
  documents.push(...terraform.filter((d) => !asModule.has(d.root)));

  for (const doc of documents) problems.push(...doc.problems);
  const adapted = toResources(documents, (file, line, message) =>
    problems.push({ file, line, message, level: 'error' }),
  );
  const suppressions = new Map<string, Suppression[]>();
  for (const [uid, blocks] of adapted.blocksOf) {
    const list = blocks.flatMap((b) => b.suppressions);
    if (list.length > 0) suppressions.set(uid, list);
  }
  const resources = [...adapted.resources, ...templateResources(documents, io)];
  const files = [...new Set(documents.flatMap((d) => d.files))].sort();
  return { documents, resources, problems, files, unmapped: adapted.unmapped, suppressions };
}

/** One aws.iac.template per file read: its secrets and its suppressions, each with a location. */
export function templateResources(documents: readonly IacDocument[], io: IacIo): Resource<IacTemplateProps>[] {
  const byFile = new Map<string, Resource<IacTemplateProps>>();
  const resourceOf = (file: string, format: IacDocument['format']) => {
    let r = byFile.get(file);
    if (!r) {
      r = {
        uid: `${format}:${file}`,
        provider: 'aws',
        account: IAC_ACCOUNT,
        region: IAC_REGION,
        type: 'aws.iac.template',
        name: file,
        tags: {},
        props: { format, Secrets: [], Suppressions: [] },
        source: { kind: format, file, line: 1, locations: {} },
      };
      byFile.set(file, r);
    }
    return r;
  };
  const at = (r: Resource<IacTemplateProps>, path: string, loc: SourceLocation) => {
    r.source.locations = { ...r.source.locations, [path]: loc };
  };
  const readOnce = new Set<string>();
  const readFirstTime = (f: string) => {
    if (readOnce.has(f)) return undefined;
    readOnce.add(f);
    return io.readText(f);
  };
  for (const doc of documents) {
    for (const file of doc.files) resourceOf(file, doc.format);
    // A file shared by two documents (a module) is scanned once.
    const secrets = findSecrets(doc, readFirstTime);
    for (const s of secrets) {
      const r = resourceOf(s.file, doc.format);
      const list = r.props.Secrets;
      if (list.some((x) => x.line === s.line && x.kind === s.kind)) continue;
      at(r, `Secrets.${list.length}`, { file: s.file, line: s.line });
      list.push({ kind: s.kind, line: s.line, ...(s.path ? { path: s.path } : {}) });
    }
    const blocks: IacBlock[] = doc.blocks;
    for (const b of blocks) {
      for (const s of b.suppressions) {
        const r = resourceOf(s.file, doc.format);
        const list = r.props.Suppressions;
        if (list.some((x) => x.line === s.line && x.ruleId === s.ruleId)) continue;
        at(r, `Suppressions.${list.length}`, { file: s.file, line: s.line });
        list.push({ ruleId: s.ruleId, line: s.line, ...(s.reason ? { reason: s.reason } : {}) });
      }
    }
  }
  return [...byFile.values()];
}

/**
 * Inline suppressions as the scan's last say: a FAIL or ERROR of a suppressed rule on that resource becomes
 * EXCEPTED with the written reason. A suppression without a reason does not apply (the rule
 * aws-iac-suppression-has-reason reports it).
 */
export function suppressionAdjuster(suppressions: ReadonlyMap<string, readonly Suppression[]>) {
  return (f: Finding): Finding => {
    if (f.status !== 'FAIL' && f.status !== 'ERROR') return f;
    const s = suppressions.get(f.resource.uid)?.find((x) => x.ruleId === f.ruleId && x.reason);
    if (!s?.reason) return f;
    return {
      ...f,
      status: 'EXCEPTED',
      exception: { kind: 'not-applicable', reason: s.reason, source: `${s.file}:${s.line}` },
    };
  };
}

/** A path as reports show it: relative to the working directory when inside it. */
export const displayPath = (path: string, cwd = process.cwd()): string => {
  const rel = relative(cwd, path);
  return rel.startsWith(`..${sep}`) || rel === '..' ? path : rel;
};
