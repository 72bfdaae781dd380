import type { Finding } from '../core/finding.js';
import type { AnyRule, IacFormat } from '../core/rule.js';
import { evaluate } from '../engine/evaluate.js';
import { loadCloudFormation } from '../iac/cloudformation/index.js';
import type { IacDocument, IacIo } from '../iac/model.js';
import { templateResources } from '../iac/run.js';
import { loadTerraform } from '../iac/terraform/index.js';
import { toResources } from '../iac/to-resources.js';

export type IacFixtureKind = 'pass' | 'fail' | 'error' | 'notApplicable';
export const IAC_EXPECTED: Record<IacFixtureKind, Finding['status']> = {
  pass: 'PASS',
  fail: 'FAIL',
  error: 'ERROR',
  notApplicable: 'N/A',
};

/** Files held in memory, so a fixture text goes through the same adapter code as a file on disk. */
export function memoryIo(files: Readonly<Record<string, string>>): IacIo {
  return {
    readText: (path) => files[path],
    listDir: (path) => {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0] as string);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
  };
}

/** Adapts one fixture text: CloudFormation as `template.yaml`, Terraform as `fixture/main.tf`. */
export async function adaptFixture(format: IacFormat, text: string): Promise<{ doc: IacDocument; io: IacIo }> {
  if (format === 'cloudformation') {
    const io = memoryIo({ 'template.yaml': text });
    const doc = loadCloudFormation('template.yaml', io);
    if (!doc) throw new Error('fixture is not a CloudFormation template');
    return { doc, io };
  }
  const io = memoryIo({ 'fixture/main.tf': text });
  return { doc: await loadTerraform('fixture', io), io };
}

/** The findings of one rule on every resource of its type that the fixture text makes (at least one). */
export async function runIacFixture(rule: AnyRule, format: IacFormat, text: string): Promise<Finding[]> {
  const { doc, io } = await adaptFixture(format, text);
  const errors = doc.problems.filter((p) => p.level === 'error');
  if (errors.length > 0) throw new Error(`fixture does not adapt: ${errors.map((p) => p.message).join('; ')}`);
  const mapProblems: string[] = [];
  const resources = [
    ...toResources([doc], (_f, _l, m) => mapProblems.push(m)).resources,
    ...templateResources([doc], io),
  ];
  if (mapProblems.length > 0) throw new Error(`fixture does not map: ${mapProblems.join('; ')}`);
  const found: Finding[] = [];
  evaluate(resources, [], [rule], (f) => found.push(f), { now: new Date('2026-11-01T00:00:00Z') });
  if (found.length === 0) throw new Error(`fixture makes no ${rule.resourceType}`);
  return found;
}
