import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Log, Result } from 'sarif';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { packagePath } from '../src/paths.js';

const EXAMPLE = packagePath('examples', 'iac');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    color: false,
    exitCode: 0,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** 1-based line of the first line of `file` containing `needle` (the test finds lines, it does not hard-code them). */
const lineOf = (file: string, needle: string): number => {
  const i = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} not in ${file}`);
  return i + 1;
};

const at = (r: Result) => {
  const loc = r.locations?.[0]?.physicalLocation;
  return { uri: loc?.artifactLocation?.uri ?? '', line: loc?.region?.startLine };
};

describe('mamori iac', () => {
  it('judges a directory of CloudFormation and Terraform with SARIF locations at the offending property', async () => {
    const r = await run('iac', EXAMPLE, '--format', 'sarif', '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(r.out) as Log;
    const results = log.runs[0]?.results ?? [];
    const find = (ruleId: string, uriEnd: string) =>
      results.filter((x) => x.ruleId === ruleId && at(x).uri.endsWith(uriEnd));
    const cfn = join(EXAMPLE, 'cloudformation', 'web-stack.yaml');
    const tf = join(EXAMPLE, 'terraform', 'main.tf');
    const tfModule = join(EXAMPLE, 'terraform', 'modules', 'network', 'main.tf');
    const tfvars = join(EXAMPLE, 'terraform', 'terraform.tfvars');

    const expectAt = (ruleId: string, file: string, uriEnd: string, needle: string) => {
      const hits = find(ruleId, uriEnd);
      assert.ok(hits.length > 0, `${ruleId} has no result in ${uriEnd}: ${results.map((x) => x.ruleId).join(', ')}`);
      assert.ok(
        hits.some((h) => at(h).line === lineOf(file, needle)),
        `${ruleId} in ${uriEnd} at ${hits.map((h) => at(h).line)}, expected ${lineOf(file, needle)} (${needle})`,
      );
    };
    // CloudFormation: the property's own line, and a separate ingress resource joined to its group.
    expectAt('aws-s3-bucket-public-access-block', cfn, 'cloudformation/web-stack.yaml', 'BlockPublicAcls: false');
    expectAt(
      'aws-ec2-security-group-no-public-admin-ipv4',
      cfn,
      'cloudformation/web-stack.yaml',
      'WebSshFromAnywhere:',
    );
    expectAt('aws-iac-no-hardcoded-secrets', cfn, 'cloudformation/web-stack.yaml', 'MasterUserPassword');
    // Terraform: a split resource joined to its bucket, a module's rule fed by tfvars, a secret in tfvars.
    expectAt('aws-s3-bucket-public-access-block', tf, 'terraform/main.tf', 'block_public_policy');
    expectAt(
      'aws-ec2-security-group-no-public-admin-ipv4',
      tfModule,
      'modules/network/main.tf',
      'aws_vpc_security_group_ingress_rule',
    );
    expectAt('aws-iac-no-hardcoded-secrets', tfvars, 'terraform/terraform.tfvars', 'db_password');
    // Rule metadata GitHub code scanning needs.
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    for (const result of results) {
      const rule = rules.find((x) => x.id === result.ruleId);
      assert.ok(rule?.help?.text && rule.shortDescription?.text, `${result.ruleId} has help text`);
    }
    // Never the secret's value.
    assert.doesNotMatch(r.out, /Kitsune-Orders-2026/);
  });

  it('turns a suppressed finding into EXCEPTED with the written reason', async () => {
    const r = await run('iac', EXAMPLE, '--format', 'json', '--lang', 'en');
    const doc = JSON.parse(r.out) as {
      findings: Array<{ ruleId: string; status: string; exception?: { reason: string } }>;
    };
    const excepted = doc.findings.filter((f) => f.ruleId === 'aws-rds-instance-multi-az');
    assert.equal(excepted.length, 2, 'one suppressed database in each format');
    for (const f of excepted) {
      assert.equal(f.status, 'EXCEPTED');
      assert.match(f.exception?.reason ?? '', /SEC-112/);
    }
    assert.doesNotMatch(r.out, /Kitsune-Orders-2026/);
  });

  it('reports malformed files with file:line:column, skips other YAML quietly and still scans the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-iac-'));
    writeFileSync(
      join(dir, 'broken.yaml'),
      'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: [unclosed\n',
    );
    writeFileSync(join(dir, 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    writeFileSync(
      join(dir, 'good.yaml'),
      'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: NotASecretAnymore99\n',
    );
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf', 'bad.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n');
    // A symlink loop: the walk must end.
    symlinkSync(dir, join(dir, 'tf', 'loop'));
    const r = await run('iac', dir, '--format', 'json', '--lang', 'en');
    assert.equal(r.code, 2, 'unreadable input exits 2');
    assert.match(r.err, /broken\.yaml:\d+:\d+/);
    assert.match(r.err, /bad\.tf:\d+:\d+/);
    assert.doesNotMatch(r.err, /deployment\.yaml/);
    const doc = JSON.parse(r.out) as { findings: Array<{ ruleId: string; status: string }> };
    assert.ok(doc.findings.some((f) => f.ruleId === 'aws-iac-no-hardcoded-secrets' && f.status === 'FAIL'));
  });

  it('prints the FAIL and ERROR findings at file:line in the table', async () => {
    const r = await run('iac', relative(process.cwd(), EXAMPLE) || '.', '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /resources in 5 files/);
    assert.match(r.out, /web-stack\.yaml:\d+ +High +aws-s3-bucket-public-access-block/);
    assert.match(r.out, /modules\/network\/main\.tf:\d+ +High +aws-ec2-security-group-no-public-admin-ipv4/);
    assert.doesNotMatch(r.out, /By account/);
  });

  it('judges a Terraform plan (terraform show -json) at the line of the resource in the plan', async () => {
    const plan = packagePath('test', 'data', 'terraform-plan.json');
    const r = await run('iac', plan, '--format', 'sarif', '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    const results = (JSON.parse(r.out) as Log).runs[0]?.results ?? [];
    const ssh = results.filter((x) => x.ruleId === 'aws-ec2-security-group-no-public-admin-ipv4');
    assert.equal(ssh.length, 1);
    assert.equal(at(ssh[0]!).line, lineOf(plan, '"address": "aws_security_group.admin"'));
  });

  it('skips a file too large to be a template, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-iac-'));
    writeFileSync(join(dir, 'huge.json'), `{"Resources": {}, "pad": "${'x'.repeat(11 * 1024 * 1024)}"}`);
    const r = await run('iac', dir, '--format', 'json', '--lang', 'en');
    assert.match(r.err, /huge\.json: larger than 10 MB/);
    assert.equal(r.code, 0);
  });
});
