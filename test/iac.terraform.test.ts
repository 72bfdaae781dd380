// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform texts hold ${} interpolations
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnknown } from '../src/core/resource.js';
import type { IacBlock, IacDocument } from '../src/iac/model.js';
import { loadTerraform, loadTerraformPlan } from '../src/iac/terraform/index.js';
import { memoryIo } from '../src/testing/iac-fixture-runner.js';

const load = (files: Record<string, string>, options = {}): Promise<IacDocument> =>
  loadTerraform('root', memoryIo(files), options);

const main = (text: string, extra: Record<string, string> = {}): Promise<IacDocument> =>
  load({ 'root/main.tf': text, ...extra });

const block = (doc: IacDocument, address: string): IacBlock => {
  const b = doc.blocks.find((x) => x.address === address);
  assert.ok(b, `no block ${address}; have ${doc.blocks.map((x) => x.address).join(', ')}`);
  return b;
};

const unknownWhy = (v: unknown): string => {
  assert.ok(isUnknown(v), `expected Unknown, got ${JSON.stringify(v)}`);
  return v.$unknown;
};

describe('terraform adapter: lines', () => {
  it('finds resources, attributes and nested blocks past heredocs and comments with braces', async () => {
    const doc = await main(
      [
        '# a comment { with a brace',
        'resource "aws_s3_bucket" "logs" {', // 2
        '  bucket = "logs" // } not a close',
        '  policy = <<EOF',
        '{',
        '  "Version": "2012-10-17" }',
        '}',
        'EOF',
        '  /* { */',
        '  versioning {', // 10
        '    enabled = true',
        '  }',
        '  tags = {',
        '    Name = "x#y"', // 14
        '  }',
        '}',
        '',
        'resource "aws_security_group" "web" {', // 18
        '  ingress {',
        '    from_port = 22',
        '  }',
        '  ingress {', // 22
        '    from_port   = 443',
        '    cidr_blocks = [',
        '      "10.0.0.0/8",',
        '      "0.0.0.0/0",', // 26
        '    ]',
        '  }',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(doc.problems, []);
    const b = block(doc, 'aws_s3_bucket.logs');
    assert.equal(b.line, 2);
    assert.equal(b.file, 'root/main.tf');
    assert.equal(b.lines.bucket, 3);
    assert.equal(b.lines.policy, 4);
    assert.equal(b.lines['versioning.0'], 10);
    assert.equal(b.lines['versioning.0.enabled'], 11);
    assert.equal(b.lines['tags.Name'], 14);
    assert.equal(b.props.bucket, 'logs');
    assert.equal(b.props.policy, '{\n  "Version": "2012-10-17" }\n}\n');
    assert.deepEqual(b.props.versioning, [{ enabled: true }]);
    assert.deepEqual(b.props.tags, { Name: 'x#y' });
    const sg = block(doc, 'aws_security_group.web');
    assert.equal(sg.line, 18);
    assert.equal(sg.lines['ingress.0'], 19);
    assert.equal(sg.lines['ingress.1'], 22);
    assert.equal(sg.lines['ingress.1.cidr_blocks'], 24);
    assert.equal(sg.lines['ingress.1.cidr_blocks.1'], 26);
    assert.deepEqual(sg.props.ingress, [
      { from_port: 22 },
      { from_port: 443, cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] },
    ]);
  });

  it('reads an indented heredoc and a one-line block', async () => {
    const doc = await main(
      [
        'resource "aws_iam_policy" "p" {',
        '  policy = <<-JSON',
        '    {"Statement": []}',
        '  JSON',
        '  timeouts { create = "5m" }',
        '  name = "p"',
        '}',
      ].join('\n'),
    );
    const b = block(doc, 'aws_iam_policy.p');
    assert.equal(b.props.policy, '{"Statement": []}\n');
    assert.equal(b.lines['timeouts.0'], 5);
    assert.equal(b.lines.name, 6);
  });
});

describe('terraform adapter: suppressions', () => {
  it('reads mamori:skip above and inside a block', async () => {
    const doc = await main(
      [
        'resource "aws_s3_bucket" "a" {}',
        '',
        '# mamori:skip aws-s3-bucket-versioning logs are write-once',
        '// mamori:skip aws-s3-bucket-logging',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "b" # mamori:skip aws-s3-bucket-ssl-only internal only',
        '}',
        '# mamori:skip other-rule not for the next block',
        '',
        'resource "aws_s3_bucket" "c" {}',
      ].join('\n'),
    );
    assert.deepEqual(block(doc, 'aws_s3_bucket.a').suppressions, []);
    assert.deepEqual(block(doc, 'aws_s3_bucket.b').suppressions, [
      { ruleId: 'aws-s3-bucket-versioning', reason: 'logs are write-once', file: 'root/main.tf', line: 3 },
      { ruleId: 'aws-s3-bucket-logging', file: 'root/main.tf', line: 4 },
      { ruleId: 'aws-s3-bucket-ssl-only', reason: 'internal only', file: 'root/main.tf', line: 6 },
    ]);
    assert.deepEqual(block(doc, 'aws_s3_bucket.c').suppressions, []);
  });
});

describe('terraform adapter: variables and locals', () => {
  const text = [
    'variable "env" {',
    '  default = "dev"',
    '}',
    'variable "size" {',
    '  type = number',
    '}',
    'variable "tier" {}',
    'variable "region" {}',
    'variable "cidrs" {',
    '  type = list(string)',
    '}',
    'variable "nothing" {}',
    'resource "aws_x" "x" {',
    '  env     = var.env',
    '  size    = var.size',
    '  tier    = var.tier',
    '  region  = var.region',
    '  cidrs   = var.cidrs',
    '  nothing = var.nothing',
    '  name    = "${var.nothing}-x"',
    '}',
  ].join('\n');

  it('takes defaults, tfvars, auto.tfvars, var files and -var in that order', async () => {
    const doc = await load(
      {
        'root/main.tf': text,
        'root/terraform.tfvars': 'env = "prod"\nsize = "3"\ntier = "gold"\n',
        'root/b.auto.tfvars': 'tier = "silver"\n',
        'root/a.auto.tfvars.json': '{"region": "eu-west-1"}',
        'extra.tfvars': 'region = "ap-northeast-1"\n',
      },
      { varFiles: ['extra.tfvars'], vars: { cidrs: '["10.0.0.0/8"]' } },
    );
    assert.deepEqual(doc.problems, []);
    const p = block(doc, 'aws_x.x').props;
    assert.equal(p.env, 'prod');
    assert.equal(p.size, 3);
    assert.equal(p.tier, 'silver');
    assert.equal(p.region, 'ap-northeast-1');
    assert.deepEqual(p.cidrs, ['10.0.0.0/8']);
    assert.equal(unknownWhy(p.nothing), 'variable nothing has no value');
    assert.match(unknownWhy(p.name), /variable nothing has no value/);
    const inputs = doc.inputs ?? [];
    assert.deepEqual(
      inputs.find((i) => i.name === 'env' && i.file === 'root/main.tf'),
      { name: 'env', value: 'prod', file: 'root/main.tf', line: 1 },
    );
    assert.deepEqual(
      inputs.find((i) => i.file === 'root/terraform.tfvars' && i.name === 'tier'),
      { name: 'tier', value: 'gold', file: 'root/terraform.tfvars', line: 3 },
    );
    assert.ok(doc.files.includes('root/terraform.tfvars'));
    assert.ok(doc.files.includes('extra.tfvars'));
  });

  it('keeps defaults without tfvars and makes a missing variable Unknown', async () => {
    const doc = await main(text);
    const p = block(doc, 'aws_x.x').props;
    assert.equal(p.env, 'dev');
    assert.equal(unknownWhy(p.size), 'variable size has no value');
  });

  it('resolves locals in any order and reports a cycle as Unknown', async () => {
    const doc = await main(
      [
        'locals {',
        '  full = "${local.prefix}-${local.suffix}"',
        '  loop_a = local.loop_b',
        '}',
        'locals {',
        '  prefix = upper(local.base)',
        '  base   = "acme"',
        '  suffix = 1 + 2',
        '  loop_b = local.loop_a',
        '}',
        'resource "aws_x" "x" {',
        '  name = local.full',
        '  loop = local.loop_a',
        '}',
      ].join('\n'),
    );
    const p = block(doc, 'aws_x.x').props;
    assert.equal(p.name, 'ACME-3');
    assert.match(unknownWhy(p.loop), /refers to itself/);
  });
});

describe('terraform adapter: expressions', () => {
  it('evaluates jsonencode policies, functions, conditionals and for expressions', async () => {
    const doc = await main(
      [
        'variable "public" { default = false }',
        'variable "users" { default = ["ann", "bob"] }',
        'locals {',
        '  tags = merge({ Team = "sec" }, { Env = "prod" })',
        '}',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "data"',
        '}',
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = aws_s3_bucket.b.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Deny"',
        '      Principal = "*"',
        '      Action    = "s3:*"',
        '      Resource  = ["${aws_s3_bucket.b.arn}/*", aws_s3_bucket.b.arn]',
        '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
        '    }]',
        '  })',
        '  acl      = var.public ? "public-read" : "private"',
        '  tags     = local.tags',
        '  names    = [for u in var.users : upper(u) if u != "bob"]',
        '  by_name  = { for u in var.users : u => length(u) }',
        '  joined   = join(",", var.users)',
        '  fmt      = format("%s-%d", "a", 7)',
        '  first    = var.users[0]',
        '  splat    = [{ n = 1 }, { n = 2 }][*].n',
        '  maybe    = try(local.tags.Missing, "fallback")',
        '  ok       = can(local.tags.Team)',
        '  math     = 2 * 3 + 1 > 6 && !false',
        '  lookup   = lookup(local.tags, "Team", "none")',
        '  decoded  = jsondecode("{\\"a\\": [1, 2]}").a[1]',
        '  compact  = compact(["a", "", null, "b"])',
        '  flat     = flatten([["a"], ["b", ["c"]]])',
        '  tmpl     = "%{if var.public}open%{else}closed%{endif}"',
        '  weird    = templatefile("x.tpl", {})',
        '  nope     = nosuchfunction(1)',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(doc.problems, []);
    const p = block(doc, 'aws_s3_bucket_policy.p').props;
    assert.deepEqual(p.bucket, { $ref: 'aws_s3_bucket.b', attr: 'id' });
    assert.deepEqual(JSON.parse(p.policy as string), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['${aws_s3_bucket.b.arn}/*', '${aws_s3_bucket.b.arn}'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
    assert.equal(p.acl, 'private');
    assert.deepEqual(p.tags, { Team: 'sec', Env: 'prod' });
    assert.deepEqual(p.names, ['ANN']);
    assert.deepEqual(p.by_name, { ann: 3, bob: 3 });
    assert.equal(p.joined, 'ann,bob');
    assert.equal(p.fmt, 'a-7');
    assert.equal(p.first, 'ann');
    assert.deepEqual(p.splat, [1, 2]);
    assert.equal(p.maybe, 'fallback');
    assert.equal(p.ok, true);
    assert.equal(p.math, true);
    assert.equal(p.lookup, 'sec');
    assert.equal(p.decoded, 2);
    assert.deepEqual(p.compact, ['a', 'b']);
    assert.deepEqual(p.flat, ['a', 'b', 'c']);
    assert.equal(p.tmpl, 'closed');
    assert.match(unknownWhy(p.weird), /templatefile/);
    assert.match(unknownWhy(p.nope), /nosuchfunction/);
  });

  it('makes data sources Unknown, refs IacRefs, and reads file() through io', async () => {
    const doc = await main(
      [
        'data "aws_caller_identity" "me" {}',
        'resource "aws_kms_key" "k" {}',
        'resource "aws_s3_bucket" "b" {',
        '  account = data.aws_caller_identity.me.account_id',
        '  arn     = "arn:aws:iam::${data.aws_caller_identity.me.account_id}:root"',
        '  key     = aws_kms_key.k.arn',
        '  key_in  = "key ${aws_kms_key.k.arn}"',
        '  whole   = aws_kms_key.k',
        '  cmp     = aws_kms_key.k.arn == "x"',
        '  policy  = file("${path.module}/policy.json")',
        '  missing = file("nope.json")',
        '}',
      ].join('\n'),
      { 'root/policy.json': '{"Statement": []}' },
    );
    const p = block(doc, 'aws_s3_bucket.b').props;
    assert.match(unknownWhy(p.account), /data\.aws_caller_identity\.me/);
    assert.equal(p.arn, 'arn:aws:iam::${data.aws_caller_identity.me.account_id}:root');
    assert.deepEqual(p.key, { $ref: 'aws_kms_key.k', attr: 'arn' });
    assert.equal(p.key_in, 'key ${aws_kms_key.k.arn}');
    assert.deepEqual(p.whole, { $ref: 'aws_kms_key.k' });
    unknownWhy(p.cmp);
    assert.equal(p.policy, '{"Statement": []}');
    assert.match(unknownWhy(p.missing), /nope\.json/);
    assert.ok(doc.files.includes('root/policy.json'));
  });

  it('builds the json of an aws_iam_policy_document data source', async () => {
    const doc = await main(
      [
        'variable "readers" { default = ["arn:aws:iam::111122223333:role/a"] }',
        'resource "aws_s3_bucket" "b" {}',
        'data "aws_iam_policy_document" "p" {',
        '  statement {',
        '    sid       = "Read"',
        '    actions   = ["s3:GetObject"]',
        '    resources = ["${aws_s3_bucket.b.arn}/*"]',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = var.readers',
        '    }',
        '  }',
        '  dynamic "statement" {',
        '    for_each = ["s3:PutObject", "s3:DeleteObject"]',
        '    content {',
        '      effect    = "Deny"',
        '      actions   = [statement.value]',
        '      resources = ["*"]',
        '      principals {',
        '        type        = "*"',
        '        identifiers = ["*"]',
        '      }',
        '      condition {',
        '        test     = "Bool"',
        '        variable = "aws:SecureTransport"',
        '        values   = ["false"]',
        '      }',
        '    }',
        '  }',
        '}',
        'data "aws_iam_policy_document" "later" {',
        '  statement {',
        '    actions   = ["s3:*"]',
        '    resources = [var.nothing]',
        '  }',
        '}',
        'variable "nothing" {}',
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = aws_s3_bucket.b.id',
        '  policy = data.aws_iam_policy_document.p.json',
        '  later  = data.aws_iam_policy_document.later.json',
        '}',
      ].join('\n'),
    );
    const p = block(doc, 'aws_s3_bucket_policy.p').props;
    assert.deepEqual(JSON.parse(p.policy as string), {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/a' },
          Action: 's3:GetObject',
          Resource: '${aws_s3_bucket.b.arn}/*',
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:DeleteObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
    assert.match(unknownWhy(p.later), /variable nothing has no value/);
  });
});

describe('terraform adapter: more functions', () => {
  it('evaluates regex, path, set and hash functions, and keeps references through distinct and replace', async () => {
    const doc = await main(
      [
        'resource "aws_kms_key" "k" {}',
        'data "aws_iam_policy_document" "p" {',
        '  count = 1',
        '  statement {',
        '    actions   = ["kms:Decrypt"]',
        '    resources = ["*"]',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["arn:aws:iam::111122223333:root"]',
        '    }',
        '  }',
        '}',
        'resource "aws_x" "x" {',
        '  account = regex("^arn:aws:iam::([0-9]+):", "arn:aws:iam::111122223333:root")[0]',
        '  named   = regex("(?P<svc>[a-z0-9]+):(?P<act>.*)", "s3:GetObject").svc',
        '  all     = regexall("[0-9]", "a1b2")',
        '  can_re  = can(regex("^x", "y"))',
        '  base    = basename("/work/envs/prod")',
        '  dir     = dirname("a/b/c.tf")',
        '  inter   = setintersection(["a", "b"], ["b", "c"])',
        '  minus   = setsubtract(["a", "b"], ["b"])',
        '  keys    = distinct([aws_kms_key.k.arn, aws_kms_key.k.arn])',
        '  policy  = replace("{\\"Resource\\": \\"KEY\\"}", "KEY", aws_kms_key.k.arn)',
        '  sha     = sha256("x")',
        '  doc     = data.aws_iam_policy_document.p[0].json',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(doc.problems, []);
    const p = block(doc, 'aws_x.x').props;
    assert.equal(p.account, '111122223333');
    assert.equal(p.named, 's3');
    assert.deepEqual(p.all, ['1', '2']);
    assert.equal(p.can_re, false);
    assert.equal(p.base, 'prod');
    assert.equal(p.dir, 'a/b');
    assert.deepEqual(p.inter, ['b']);
    assert.deepEqual(p.minus, ['a']);
    assert.deepEqual(p.keys, [{ $ref: 'aws_kms_key.k', attr: 'arn' }]);
    assert.equal(p.policy, '{"Resource": "${aws_kms_key.k.arn}"}');
    assert.equal(p.sha, '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    assert.deepEqual(JSON.parse(p.doc as string).Statement[0].Principal, { AWS: 'arn:aws:iam::111122223333:root' });
  });
});

describe('terraform adapter: count, for_each, dynamic', () => {
  it('expands count and for_each with their addresses, and refs to instances', async () => {
    const doc = await main(
      [
        'variable "names" { default = { a = "alpha", b = "beta" } }',
        'variable "n" {}',
        'resource "aws_s3_bucket" "c" {',
        '  count  = 2',
        '  bucket = "b-${count.index}"',
        '}',
        'resource "aws_s3_bucket" "none" {',
        '  count = 0',
        '}',
        'resource "aws_s3_bucket" "e" {',
        '  for_each = var.names',
        '  bucket   = "${each.key}-${each.value}"',
        '}',
        'resource "aws_s3_bucket" "s" {',
        '  for_each = toset(["y", "x"])',
        '  bucket   = each.value',
        '}',
        'resource "aws_s3_bucket" "u" {',
        '  count  = var.n',
        '  bucket = "u-${count.index}"',
        '}',
        'resource "aws_s3_bucket_versioning" "v" {',
        '  count  = 2',
        '  bucket = aws_s3_bucket.c[count.index].id',
        '  other  = aws_s3_bucket.e["b"].arn',
        '  all    = aws_s3_bucket.c[*].id',
        '  unk    = aws_s3_bucket.u[0].id',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.blocks.map((b) => b.address),
      [
        'aws_s3_bucket.c[0]',
        'aws_s3_bucket.c[1]',
        'aws_s3_bucket.e["a"]',
        'aws_s3_bucket.e["b"]',
        'aws_s3_bucket.s["x"]',
        'aws_s3_bucket.s["y"]',
        'aws_s3_bucket.u',
        'aws_s3_bucket_versioning.v[0]',
        'aws_s3_bucket_versioning.v[1]',
      ],
    );
    assert.equal(block(doc, 'aws_s3_bucket.c[1]').props.bucket, 'b-1');
    assert.equal(block(doc, 'aws_s3_bucket.e["b"]').props.bucket, 'b-beta');
    assert.equal(block(doc, 'aws_s3_bucket.s["x"]').props.bucket, 'x');
    assert.match(unknownWhy(block(doc, 'aws_s3_bucket.u').props.bucket), /count/);
    const v = block(doc, 'aws_s3_bucket_versioning.v[1]').props;
    assert.deepEqual(v.bucket, { $ref: 'aws_s3_bucket.c[1]', attr: 'id' });
    assert.deepEqual(v.other, { $ref: 'aws_s3_bucket.e["b"]', attr: 'arn' });
    assert.deepEqual(v.all, [
      { $ref: 'aws_s3_bucket.c[0]', attr: 'id' },
      { $ref: 'aws_s3_bucket.c[1]', attr: 'id' },
    ]);
    assert.deepEqual(v.unk, { $ref: 'aws_s3_bucket.u', attr: 'id' });
  });

  it('expands dynamic blocks in order with static ones, and keeps an unknown for_each Unknown', async () => {
    const doc = await main(
      [
        'variable "ports" { default = [22, 443] }',
        'variable "later" {}',
        'resource "aws_security_group" "sg" {',
        '  ingress {',
        '    from_port = 80',
        '  }',
        '  dynamic "ingress" {',
        '    for_each = var.ports',
        '    iterator = p',
        '    content {',
        '      from_port   = p.value',
        '      description = "rule ${p.key}"',
        '    }',
        '  }',
        '}',
        'resource "aws_security_group" "later" {',
        '  dynamic "egress" {',
        '    for_each = var.later',
        '    content {',
        '      to_port = egress.value',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    const sg = block(doc, 'aws_security_group.sg');
    assert.deepEqual(sg.props.ingress, [
      { from_port: 80 },
      { from_port: 22, description: 'rule 0' },
      { from_port: 443, description: 'rule 1' },
    ]);
    assert.equal(sg.lines['ingress.0'], 4);
    assert.equal(sg.lines['ingress.2'], 7);
    assert.equal(sg.lines['ingress.2.from_port'], 11);
    assert.ok(!('dynamic' in sg.props));
    unknownWhy(block(doc, 'aws_security_group.later').props.egress);
  });

  it('drops meta-arguments from props', async () => {
    const doc = await main(
      [
        'resource "aws_s3_bucket" "b" {',
        '  provider   = aws.west',
        '  depends_on = [aws_kms_key.k]',
        '  bucket     = "b"',
        '  lifecycle {',
        '    prevent_destroy = true',
        '  }',
        '}',
        'resource "aws_kms_key" "k" {}',
      ].join('\n'),
    );
    assert.deepEqual(block(doc, 'aws_s3_bucket.b').props, { bucket: 'b' });
  });
});

describe('terraform adapter: modules and providers', () => {
  it('loads a local module with inputs and outputs, and sets the provider region', async () => {
    const doc = await load({
      'root/main.tf': [
        'provider "aws" {',
        '  region = "ap-northeast-1"',
        '}',
        'provider "aws" {',
        '  alias  = "us"',
        '  region = "us-east-1"',
        '}',
        'module "store" {',
        '  source = "./modules/store"',
        '  name   = "acme-${"logs"}"',
        '}',
        'module "many" {',
        '  source = "./modules/store"',
        '  count  = 2',
        '  name   = "m${count.index}"',
        '}',
        'module "remote" {',
        '  source = "terraform-aws-modules/s3-bucket/aws"',
        '}',
        'resource "aws_s3_bucket_policy" "p" {',
        '  bucket = module.store.bucket_id',
        '  name   = module.store.name',
        '  second = module.many[1].name',
        '  remote = module.remote.id',
        '}',
        'resource "aws_s3_bucket" "us" {',
        '  provider = aws.us',
        '}',
      ].join('\n'),
      'root/modules/store/main.tf': [
        'variable "name" {}',
        'resource "aws_s3_bucket" "this" {',
        '  bucket = var.name',
        '}',
        'output "bucket_id" { value = aws_s3_bucket.this.id }',
        'output "name" { value = aws_s3_bucket.this.bucket }',
      ].join('\n'),
    });
    assert.equal(doc.problems.length, 1);
    assert.equal(doc.problems[0]?.level, 'warning');
    assert.equal(doc.problems[0]?.line, 17);
    const inner = block(doc, 'module.store.aws_s3_bucket.this');
    assert.equal(inner.file, 'root/modules/store/main.tf');
    assert.equal(inner.line, 2);
    assert.equal(inner.props.bucket, 'acme-logs');
    assert.equal(inner.region, 'ap-northeast-1');
    assert.equal(block(doc, 'module.many[1].aws_s3_bucket.this').props.bucket, 'm1');
    const p = block(doc, 'aws_s3_bucket_policy.p').props;
    assert.deepEqual(p.bucket, { $ref: 'module.store.aws_s3_bucket.this', attr: 'id' });
    assert.deepEqual(p.name, { $ref: 'module.store.aws_s3_bucket.this', attr: 'bucket' });
    assert.deepEqual(p.second, { $ref: 'module.many[1].aws_s3_bucket.this', attr: 'bucket' });
    assert.match(unknownWhy(p.remote), /not a local path/);
    assert.equal(block(doc, 'aws_s3_bucket.us').region, 'us-east-1');
    assert.ok(doc.files.includes('root/modules/store/main.tf'));
  });

  it('follows modules that terraform init installed, and keeps a module with unknown count as one instance', async () => {
    const doc = await load({
      'root/main.tf': [
        'variable "n" {}',
        'module "vpc" {',
        '  source = "terraform-aws-modules/vpc/aws"',
        '  cidr   = "10.0.0.0/16"',
        '}',
        'module "maybe" {',
        '  source = "./m"',
        '  count  = var.n',
        '}',
        'resource "aws_x" "x" {',
        '  vpc = module.vpc.vpc_id',
        '  m   = module.maybe[0].name',
        '}',
      ].join('\n'),
      'root/.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'vpc', Source: 'registry/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' },
        ],
      }),
      'root/.terraform/modules/vpc/main.tf': [
        'variable "cidr" {}',
        'resource "aws_vpc" "this" {',
        '  cidr_block = var.cidr',
        '}',
        'output "vpc_id" { value = aws_vpc.this.id }',
      ].join('\n'),
      'root/m/main.tf': [
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "b-${count.index}"',
        '  count  = 1',
        '}',
        'output "name" { value = "fixed" }',
      ].join('\n'),
    });
    assert.deepEqual(doc.problems, []);
    assert.equal(block(doc, 'module.vpc.aws_vpc.this').props.cidr_block, '10.0.0.0/16');
    assert.equal(block(doc, 'module.vpc.aws_vpc.this').file, 'root/.terraform/modules/vpc/main.tf');
    assert.equal(block(doc, 'module.maybe.aws_s3_bucket.b[0]').props.bucket, 'b-0');
    const x = block(doc, 'aws_x.x').props;
    assert.deepEqual(x.vpc, { $ref: 'module.vpc.aws_vpc.this', attr: 'id' });
    assert.equal(x.m, 'fixed');
  });
});

describe('terraform adapter: problems', () => {
  it('reports a syntax error with line and column and adapts the other files', async () => {
    const doc = await load({
      'root/a.tf': 'resource "aws_s3_bucket" "a" {\n  bucket = \n}\n',
      'root/b.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    });
    assert.equal(doc.problems.length, 1);
    const [p] = doc.problems;
    assert.equal(p?.file, 'root/a.tf');
    assert.equal(p?.line, 2);
    assert.equal(p?.column, 12);
    assert.equal(p?.level, 'error');
    assert.match(p?.message ?? '', /Invalid expression/);
    assert.deepEqual(
      doc.blocks.map((b) => b.address),
      ['aws_s3_bucket.b'],
    );
  });

  it('reads .tf.json files', async () => {
    const doc = await load({
      'root/main.tf.json': JSON.stringify(
        { resource: { aws_s3_bucket: { j: { bucket: '${var.n}-x' } } }, variable: { n: { default: 'json' } } },
        null,
        2,
      ),
    });
    const b = block(doc, 'aws_s3_bucket.j');
    assert.equal(b.props.bucket, 'json-x');
    assert.equal(b.line, 4);
  });

  it('says when the directory does not exist', async () => {
    const doc = await load({});
    assert.equal(doc.problems[0]?.level, 'error');
  });
});

describe('terraform plan adapter', () => {
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.0',
    variables: { region: { value: 'eu-central-1' } },
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_s3_bucket.b',
            mode: 'managed',
            type: 'aws_s3_bucket',
            name: 'b',
            values: { bucket: 'logs', tags: null, force_destroy: false },
          },
          {
            address: 'aws_s3_bucket_versioning.v',
            mode: 'managed',
            type: 'aws_s3_bucket_versioning',
            name: 'v',
            values: { versioning_configuration: [{ status: 'Enabled', mfa_delete: null }] },
          },
          { address: 'data.aws_caller_identity.me', mode: 'data', type: 'aws_caller_identity', name: 'me' },
        ],
        child_modules: [
          {
            address: 'module.k',
            resources: [
              {
                address: 'module.k.aws_kms_key.this',
                mode: 'managed',
                type: 'aws_kms_key',
                name: 'this',
                values: { enable_key_rotation: true },
              },
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'aws_s3_bucket.b',
        mode: 'managed',
        type: 'aws_s3_bucket',
        change: { actions: ['create'], after_unknown: { id: true, arn: true } },
      },
      {
        address: 'aws_s3_bucket_versioning.v',
        mode: 'managed',
        type: 'aws_s3_bucket_versioning',
        change: { actions: ['create'], after_unknown: { bucket: true, id: true } },
      },
    ],
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } } },
      root_module: {
        resources: [
          {
            address: 'aws_s3_bucket.b',
            provider_config_key: 'aws',
            expressions: { bucket: { constant_value: 'logs' } },
          },
          {
            address: 'aws_s3_bucket_versioning.v',
            provider_config_key: 'aws',
            expressions: { bucket: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } },
          },
        ],
        module_calls: { k: { source: './k', module: { resources: [{ address: 'aws_kms_key.this' }] } } },
      },
    },
  };
  const text = JSON.stringify(plan, null, 2);

  it('takes planned values, marks after_unknown, and turns references into IacRefs', () => {
    const doc = loadTerraformPlan('plan.json', memoryIo({ 'plan.json': text }));
    assert.ok(doc);
    assert.deepEqual(
      doc.blocks.map((b) => b.address),
      ['aws_s3_bucket.b', 'aws_s3_bucket_versioning.v', 'module.k.aws_kms_key.this'],
    );
    const b = block(doc, 'aws_s3_bucket.b');
    assert.equal(b.file, 'plan.json');
    assert.equal(b.line, text.split('\n').findIndex((l) => l.includes('"address": "aws_s3_bucket.b"')) + 1);
    assert.equal(b.props.bucket, 'logs');
    assert.ok(!('tags' in b.props));
    assert.equal(unknownWhy(b.props.arn), 'known after apply');
    assert.equal(b.region, 'eu-central-1');
    const v = block(doc, 'aws_s3_bucket_versioning.v');
    assert.deepEqual(v.props.bucket, { $ref: 'aws_s3_bucket.b', attr: 'id' });
    assert.deepEqual(v.props.versioning_configuration, [{ status: 'Enabled' }]);
    assert.equal(block(doc, 'module.k.aws_kms_key.this').props.enable_key_rotation, true);
  });

  it('says undefined for JSON that is not a plan', () => {
    assert.equal(loadTerraformPlan('x.json', memoryIo({ 'x.json': '{"Resources": {}}' })), undefined);
    assert.equal(loadTerraformPlan('x.json', memoryIo({ 'x.json': 'not json' })), undefined);
  });
});
