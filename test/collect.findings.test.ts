// Findings AWS's own detectors hold (GuardDuty, Inspector, Security Hub), collected through the SDK from a fake
// endpoint, imported beside mamori's rule findings, reported, saved in the snapshot and read back.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Finding as GuardDutyFinding } from '@aws-sdk/client-guardduty';
import type { Finding as InspectorFinding } from '@aws-sdk/client-inspector2';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import {
  FINDINGS_CAP,
  findingsCollector,
  guardDutySeverity,
  isMamoriFinding,
  securityHubSeverity,
} from '../src/collect/aws/findings.js';
import { collectAws } from '../src/collect/aws/scan.js';
import { InputError } from '../src/core/input-error.js';
import { runScan } from '../src/engine/scan.js';
import { loadFramework } from '../src/frameworks/load.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { SnapshotWriter } from '../src/inventory/snapshot-writer.js';
import { packagePath } from '../src/paths.js';
import { REPORTERS } from '../src/report/index.js';
import type { FindingsDocument, JsonFinding } from '../src/report/json.js';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { accessKeyFor, credentialsFor, demoIndex, demoKeys } from './support/fake-aws/demo-index.js';
import { demoOrgHandlers } from './support/fake-aws/handlers/all.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { emptyFindings, findingsHandlers } from './support/fake-aws/handlers/findings.js';
import { regionHandlers } from './support/fake-aws/handlers/region.js';
import { stsHandlers } from './support/fake-aws/handlers/sts.js';
import { type FakeAws, startFakeAws } from './support/fake-aws/index.js';
import type { FakeFault } from './support/fake-aws/types.js';

const inv = demoIndex();
const PROD = '345678901234';
const TOKYO = 'ap-northeast-1';
const DETECTOR = '1dd11e06d0c06bc0c0f0c6dbd0909e1e';
const WEB_1 = 'i-0177f534f25e8b9a7';
const WEB_2 = 'i-0e55a6cc55ad8d63e';
const BATCH_1 = 'i-07935f8e071ec099a';
const instanceArn = (id: string) => `arn:aws:ec2:${TOKYO}:${PROD}:instance/${id}`;

// ------------------------------------------------------------------ GuardDuty findings (GetFindings' Finding shape)

const guardDutyFinding = (
  id: string,
  type: string,
  severity: number,
  resource: GuardDutyFinding['Resource'],
  extra: Partial<GuardDutyFinding> = {},
): GuardDutyFinding => ({
  AccountId: PROD,
  Arn: `arn:aws:guardduty:${TOKYO}:${PROD}:detector/${DETECTOR}/finding/${id}`,
  CreatedAt: '2026-11-18T02:14:09.512Z',
  Id: id,
  Partition: 'aws',
  Region: TOKYO,
  Resource: resource,
  SchemaVersion: '2.0',
  Severity: severity,
  Type: type,
  UpdatedAt: '2026-11-19T22:40:31.007Z',
  Service: {
    Archived: false,
    Count: 3,
    DetectorId: DETECTOR,
    EventFirstSeen: '2026-11-18T01:58:00.000Z',
    EventLastSeen: '2026-11-19T22:31:00.000Z',
    ResourceRole: 'TARGET',
    ServiceName: 'guardduty',
  },
  ...extra,
});

const instance = (id: string, name: string): GuardDutyFinding['Resource'] => ({
  ResourceType: 'Instance',
  InstanceDetails: {
    AvailabilityZone: `${TOKYO}a`,
    ImageId: 'ami-0b5c74e235ed808b9',
    InstanceId: id,
    InstanceState: 'running',
    InstanceType: 't3.large',
    LaunchTime: '2026-09-02T00:12:44.000Z',
    Platform: 'Linux',
    Tags: [{ Key: 'Name', Value: name }],
  },
});

const GUARDDUTY: GuardDutyFinding[] = [
  guardDutyFinding(
    '4ac8f1d2b3e94c7a9f0e1d2c3b4a5f60',
    'UnauthorizedAccess:EC2/SSHBruteForce',
    2,
    instance(WEB_1, 'kitsune-ec-web-1'),
    {
      Title: `198.51.100.77 is performing SSH brute force attacks against ${WEB_1}.`,
      Description: `${WEB_1} is the target of repeated SSH sign-in attempts from 198.51.100.77 that look like password guessing.`,
    },
  ),
  guardDutyFinding(
    '7be2c4d6e8f04a1b8c9d0e1f2a3b4c5d',
    'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    8,
    instance(BATCH_1, 'kitsune-ec-batch-1'),
    {
      Title: `EC2 instance ${BATCH_1} is querying a domain name that is associated with Bitcoin-related activity.`,
      Description: `${BATCH_1} resolved pool.example-mining.net, a domain used by cryptocurrency mining pools.`,
    },
  ),
  guardDutyFinding(
    '2d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
    'CredentialAccess:IAMUser/AnomalousBehavior',
    5,
    {
      ResourceType: 'AccessKey',
      AccessKeyDetails: {
        AccessKeyId: 'AKIAZ6EXAMPLEDEPLOY1',
        PrincipalId: 'AIDAZ6EXAMPLEDEPLOY01',
        UserName: 'deploy-bot',
        UserType: 'IAMUser',
      },
    },
    {
      Title: 'Credential access APIs were called in an unusual way by deploy-bot.',
      Description: 'deploy-bot called GetSecretValue and ListAccessKeys from a network it has not used before.',
    },
  ),
  guardDutyFinding(
    '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    'AttackSequence:S3/CompromisedData',
    9,
    {
      ResourceType: 'S3Bucket',
      S3BucketDetails: [
        {
          Arn: 'arn:aws:s3:::kitsune-ec-user-uploads-prod',
          Name: 'kitsune-ec-user-uploads-prod',
          Type: 'Destination',
          CreatedAt: new Date('2022-04-05T02:00:00.000Z'),
          Owner: { Id: '8f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b' },
          Tags: [{ Key: 'Service', Value: 'kitsune-ec' }],
        },
      ],
    },
    {
      Title: 'Potential data compromise of S3 bucket kitsune-ec-user-uploads-prod.',
      Description:
        'A sequence of signals shows discovery, public exposure and bulk reads of the bucket by one principal.',
    },
  ),
  // Archived: not active, never imported.
  guardDutyFinding(
    '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    'Recon:EC2/PortProbeUnprotectedPort',
    2,
    instance(WEB_2, 'kitsune-ec-web-2'),
    {
      Title: `Unprotected port on EC2 instance ${WEB_2} is being probed.`,
      Description: `Port 8080 of ${WEB_2} is probed by a known scanner.`,
      Service: { Archived: true, Count: 1, DetectorId: DETECTOR, ServiceName: 'guardduty' },
    },
  ),
];

// ------------------------------------------------------------------ Inspector findings (ListFindings' Finding shape)

const inspectorArn = (n: string) => `arn:aws:inspector2:${TOKYO}:${PROD}:finding/${n}`;
const IMAGE = `arn:aws:ecr:${TOKYO}:${PROD}:repository/kitsune-ec-web/sha256:4e2f9c1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e`;
const RESIZE = `arn:aws:lambda:${TOKYO}:${PROD}:function:kitsune-ec-image-resize`;

const inspectorFinding = (
  n: string,
  severity: InspectorFinding['severity'],
  vulnerabilityId: string,
  title: string,
  resource: NonNullable<InspectorFinding['resources']>[number],
  extra: Partial<InspectorFinding> = {},
): InspectorFinding => ({
  findingArn: inspectorArn(n),
  awsAccountId: PROD,
  type: 'PACKAGE_VULNERABILITY',
  title,
  description: `${vulnerabilityId}: a flaw in a package installed on the resource lets a remote attacker run code.`,
  remediation: { recommendation: { text: 'Update the affected package to the fixed version.' } },
  severity,
  firstObservedAt: new Date('2026-10-02T06:11:40.000Z'),
  lastObservedAt: new Date('2026-11-19T21:05:12.000Z'),
  updatedAt: new Date('2026-11-19T21:05:12.000Z'),
  status: 'ACTIVE',
  resources: [resource],
  inspectorScore: 9.1,
  packageVulnerabilityDetails: {
    vulnerabilityId,
    source: 'NVD',
    sourceUrl: `https://nvd.nist.gov/vuln/detail/${vulnerabilityId}`,
    vendorSeverity: 'HIGH',
    vulnerablePackages: [
      { name: 'curl', version: '7.81.0', packageManager: 'OS', fixedInVersion: '7.81.0-1ubuntu1.14' },
    ],
  },
  fixAvailable: 'YES',
  exploitAvailable: 'NO',
  ...extra,
});

const INSPECTOR: InspectorFinding[] = [
  inspectorFinding('0c6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b', 'CRITICAL', 'CVE-2023-38545', 'CVE-2023-38545 - curl', {
    type: 'AWS_EC2_INSTANCE',
    id: WEB_2,
    partition: 'aws',
    region: TOKYO,
    tags: { Name: 'kitsune-ec-web-2' },
    details: { awsEc2Instance: { type: 't3.large', imageId: 'ami-0b5c74e235ed808b9', platform: 'UBUNTU_22_04' } },
  }),
  inspectorFinding('1d7a2b3c4d5e6f708192a3b4c5d6e7f8', 'HIGH', 'CVE-2024-3094', 'CVE-2024-3094 - xz-utils', {
    type: 'AWS_ECR_CONTAINER_IMAGE',
    id: IMAGE,
    partition: 'aws',
    region: TOKYO,
    details: {
      awsEcrContainerImage: {
        repositoryName: 'kitsune-ec-web',
        imageTags: ['v2.3.1'],
        imageHash: 'sha256:4e2f9c1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e',
        registry: PROD,
        pushedAt: new Date('2026-10-01T09:00:00.000Z'),
        architecture: 'amd64',
        platform: 'DEBIAN_12',
      },
    },
  }),
  inspectorFinding('2e8b3c4d5e6f708192a3b4c5d6e7f809', 'MEDIUM', 'CVE-2024-28219', 'CVE-2024-28219 - pillow', {
    type: 'AWS_LAMBDA_FUNCTION',
    id: `${RESIZE}:$LATEST`,
    partition: 'aws',
    region: TOKYO,
    details: {
      awsLambdaFunction: {
        functionName: 'kitsune-ec-image-resize',
        runtime: 'PYTHON_3_11',
        codeSha256: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=',
        version: '$LATEST',
        executionRoleArn: `arn:aws:iam::${PROD}:role/kitsune-ec-image-resize-role`,
      },
    },
  }),
  inspectorFinding('3f9c4d5e6f708192a3b4c5d6e7f8091a', 'UNTRIAGED', 'CVE-2024-45490', 'CVE-2024-45490 - expat', {
    type: 'AWS_ECR_CONTAINER_IMAGE',
    id: IMAGE,
    partition: 'aws',
    region: TOKYO,
    details: {
      awsEcrContainerImage: { repositoryName: 'kitsune-ec-web', imageHash: 'sha256:4e2f9c1d8b7a', registry: PROD },
    },
  }),
  // Closed: fixed, never imported.
  inspectorFinding(
    '4a0d5e6f708192a3b4c5d6e7f8091a2b',
    'HIGH',
    'CVE-2023-4863',
    'CVE-2023-4863 - libwebp',
    { type: 'AWS_EC2_INSTANCE', id: WEB_1, partition: 'aws', region: TOKYO },
    { status: 'CLOSED' },
  ),
];

// ------------------------------------------------------------------ Security Hub findings (AwsSecurityFinding)

const hubFinding = (id: string, extra: Partial<AwsSecurityFinding>): AwsSecurityFinding => ({
  SchemaVersion: '2018-10-08',
  Id: id,
  ProductArn: `arn:aws:securityhub:${TOKYO}::product/aws/securityhub`,
  ProductName: 'Security Hub',
  CompanyName: 'AWS',
  Region: TOKYO,
  GeneratorId: 'security-control/S3.8',
  AwsAccountId: PROD,
  Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
  FirstObservedAt: '2026-09-12T04:00:00.000Z',
  LastObservedAt: '2026-11-19T04:00:00.000Z',
  CreatedAt: '2026-09-12T04:00:00.000Z',
  UpdatedAt: '2026-11-19T04:00:00.000Z',
  Severity: { Label: 'HIGH', Normalized: 70, Original: 'HIGH' },
  Title: 'S3 general purpose buckets should block public access',
  Description: 'This control checks whether an S3 general purpose bucket blocks public access at the bucket level.',
  Resources: [
    { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::kitsune-ec-static-assets-prod', Partition: 'aws', Region: TOKYO },
  ],
  Compliance: { Status: 'FAILED', SecurityControlId: 'S3.8' },
  WorkflowState: 'NEW',
  Workflow: { Status: 'NEW' },
  RecordState: 'ACTIVE',
  ...extra,
});

const SECURITY_HUB: AwsSecurityFinding[] = [
  hubFinding(
    `arn:aws:securityhub:${TOKYO}:${PROD}:security-control/S3.8/finding/6b2f0d8e-5c1a-4f3b-9e7d-2a4c6e8f0b1d`,
    {
      Remediation: {
        Recommendation: {
          Text: 'Turn on the bucket-level Block Public Access settings.',
          Url: 'https://docs.aws.amazon.com/console/securityhub/S3.8/remediation',
        },
      },
    },
  ),
  hubFinding(
    `arn:aws:securityhub:${TOKYO}:${PROD}:security-control/IAM.6/finding/0f1e2d3c-4b5a-4697-8877-665544332211`,
    {
      GeneratorId: 'security-control/IAM.6',
      Severity: { Label: 'CRITICAL', Normalized: 90, Original: 'CRITICAL' },
      Title: 'Hardware MFA should be enabled for the root user',
      Description: 'This control checks whether the root user signs in with a hardware MFA device.',
      Resources: [{ Type: 'AwsAccount', Id: `AWS::::Account:${PROD}`, Partition: 'aws', Region: TOKYO }],
      Compliance: { Status: 'FAILED', SecurityControlId: 'IAM.6' },
      Workflow: { Status: 'NOTIFIED' },
    },
  ),
  hubFinding('5d1c9b7a-3e2f-4a6b-8c0d-9e8f7a6b5c4d', {
    ProductArn: `arn:aws:securityhub:${TOKYO}::product/aws/macie`,
    ProductName: 'Macie',
    GeneratorId: 'SensitiveData:S3Object/Personal',
    Types: ['Sensitive Data Identifications/PII'],
    Severity: { Label: 'MEDIUM', Normalized: 40, Original: 'Medium' },
    Title: 'The S3 object contains personal information.',
    Description: 'Macie found names and addresses in uploads/2026/11/orders.csv.',
    Resources: [
      {
        Type: 'AwsS3Bucket',
        Id: 'arn:aws:s3:::kitsune-ec-user-uploads-prod',
        Partition: 'aws',
        Region: TOKYO,
        Tags: { データ分類: '機密' },
      },
    ],
    Compliance: undefined,
  }),
  // mamori's own findings, imported from its ASFF report: never read back.
  hubFinding('1f0e9d8c7b6a5f4e3d2c1b0a', {
    ProductArn: `arn:aws:securityhub:${TOKYO}:${PROD}:product/${PROD}/default`,
    ProductName: 'mamori',
    CompanyName: 'mamori',
    GeneratorId: 'aws-kms-key-rotation-enabled',
    Title: 'KMS keys rotate automatically',
    ProductFields: { 'mamori/RuleId': 'aws-kms-key-rotation-enabled', 'mamori/Status': 'FAIL' },
  }),
  hubFinding('2a1b0c9d8e7f6a5b4c3d2e1f', {
    ProductArn: `arn:aws:securityhub:${TOKYO}:${PROD}:product/${PROD}/default`,
    ProductName: 'Default',
    CompanyName: 'Personal',
    GeneratorId: 'aws-kms-key-rotation-enabled',
    Title: 'KMS keys rotate automatically',
  }),
  // Relayed from GuardDuty: read at its source, not twice.
  hubFinding(`arn:aws:guardduty:${TOKYO}:${PROD}:detector/${DETECTOR}/finding/7be2c4d6e8f04a1b8c9d0e1f2a3b4c5d`, {
    ProductArn: `arn:aws:securityhub:${TOKYO}::product/aws/guardduty`,
    ProductName: 'GuardDuty',
    GeneratorId: `arn:aws:guardduty:${TOKYO}:${PROD}:detector/${DETECTOR}`,
    Title: `EC2 instance ${BATCH_1} is querying a domain name that is associated with Bitcoin-related activity.`,
    Compliance: undefined,
  }),
  // Resolved: not active work.
  hubFinding(
    `arn:aws:securityhub:${TOKYO}:${PROD}:security-control/EC2.2/finding/9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d`,
    {
      GeneratorId: 'security-control/EC2.2',
      Title: 'VPC default security groups should not allow inbound or outbound traffic',
      Workflow: { Status: 'RESOLVED' },
      Compliance: { Status: 'PASSED', SecurityControlId: 'EC2.2' },
    },
  ),
];

const ACTIVE = { guardduty: 4, inspector: 4, securityhub: 3 };

function fill() {
  const store = emptyFindings();
  store.guardduty.push(...GUARDDUTY);
  store.inspector.push(...INSPECTOR);
  store.securityhub.push(...SECURITY_HUB);
  return store;
}

async function collect(fake: FakeAws, regions = [TOKYO, 'us-east-1', 'ap-northeast-3']) {
  for await (const part of collectAws({
    regions,
    endpointUrl: fake.url,
    credentials: credentialsFor(PROD),
    collectors: [findingsCollector],
    maxAttempts: 3,
  })) {
    return part;
  }
  throw new Error('no part');
}

describe('severity mapping', () => {
  it('GuardDuty: ≥ 9 critical, 7.0–8.9 high, 4.0–6.9 medium, 1.0–3.9 low', () => {
    const cases: Array<[number, string]> = [
      [10, 'critical'],
      [9, 'critical'],
      [8.9, 'high'],
      [7, 'high'],
      [6.9, 'medium'],
      [4, 'medium'],
      [3.9, 'low'],
      [1, 'low'],
      [0.5, 'info'],
    ];
    for (const [n, s] of cases) assert.equal(guardDutySeverity(n), s, String(n));
  });

  it('Security Hub: Severity.Label, else the Normalized score as Security Hub labels it', () => {
    assert.equal(securityHubSeverity({ Label: 'CRITICAL' }), 'critical');
    assert.equal(securityHubSeverity({ Label: 'INFORMATIONAL', Normalized: 80 }), 'info');
    assert.equal(securityHubSeverity({ Normalized: 75 }), 'high');
    assert.equal(securityHubSeverity({ Normalized: 40 }), 'medium');
    assert.equal(securityHubSeverity({ Normalized: 0 }), 'info');
    assert.equal(securityHubSeverity(undefined), 'info');
  });

  it("recognises mamori's own findings in Security Hub", () => {
    assert.ok(isMamoriFinding(SECURITY_HUB[3]!));
    assert.ok(isMamoriFinding(SECURITY_HUB[4]!));
    assert.ok(!isMamoriFinding(SECURITY_HUB[0]!));
    assert.ok(BUILTIN_RULES.some((r) => r.id === 'aws-kms-key-rotation-enabled'));
  });
});

describe('findings collector through the SDK (GuardDuty, Inspector, Security Hub)', () => {
  let fake: FakeAws;
  const store = fill();
  const faults: FakeFault[] = [];
  before(async () => {
    fake = await startFakeAws({
      handlers: mergeHandlers(stsHandlers(), regionHandlers(inv), findingsHandlers(inv, store, { pageSize: 2 })),
      accounts: demoKeys(inv.accounts),
      faults,
    });
  });
  after(() => fake.close());

  it('imports the active findings of each source, with mapped severity and the resource', async () => {
    const part = await collect(fake);
    assert.deepEqual(part.errors, []);
    assert.deepEqual(part.resources, []);
    const findings = part.findings ?? [];
    const count = (s: string) => findings.filter((f) => f.source === s).length;
    assert.deepEqual(
      { guardduty: count('guardduty'), inspector: count('inspector'), securityhub: count('securityhub') },
      ACTIVE,
    );
    for (const f of findings) {
      assert.equal(f.status, 'FAIL');
      assert.equal(f.account, PROD);
      assert.equal(f.region, TOKYO);
    }
    const byType = new Map(findings.map((f) => [`${f.source}:${f.type}`, f]));
    const bitcoin = byType.get('guardduty:CryptoCurrency:EC2/BitcoinTool.B!DNS')!;
    assert.equal(bitcoin.severity, 'high');
    assert.equal(bitcoin.providerSeverity, 8);
    assert.deepEqual(bitcoin.resource, {
      uid: instanceArn(BATCH_1),
      type: 'aws.ec2.instance',
      name: 'kitsune-ec-batch-1',
      tags: { Name: 'kitsune-ec-batch-1' },
    });
    assert.equal(bitcoin.firstSeen, '2026-11-18T01:58:00.000Z');
    assert.match(bitcoin.url ?? '', /^https:\/\/console\.aws\.amazon\.com\/guardduty\//);
    assert.equal(byType.get('guardduty:UnauthorizedAccess:EC2/SSHBruteForce')!.severity, 'low');
    const key = byType.get('guardduty:CredentialAccess:IAMUser/AnomalousBehavior')!;
    assert.equal(key.severity, 'medium');
    assert.equal(key.resource.uid, `arn:aws:iam::${PROD}:user/deploy-bot`);
    const s3 = byType.get('guardduty:AttackSequence:S3/CompromisedData')!;
    assert.equal(s3.severity, 'critical');
    assert.equal(s3.resource.uid, 'arn:aws:s3:::kitsune-ec-user-uploads-prod');
    assert.ok(!findings.some((f) => f.type === 'Recon:EC2/PortProbeUnprotectedPort'), 'archived finding imported');

    const curl = byType.get('inspector:CVE-2023-38545')!;
    assert.equal(curl.severity, 'critical');
    assert.equal(curl.resource.uid, instanceArn(WEB_2));
    assert.equal(curl.resource.type, 'aws.ec2.instance');
    assert.equal(curl.remediation, 'Update the affected package to the fixed version.');
    assert.equal(curl.lastSeen, '2026-11-19T21:05:12.000Z');
    const xz = byType.get('inspector:CVE-2024-3094')!;
    assert.equal(xz.severity, 'high');
    assert.deepEqual(
      [xz.resource.uid, xz.resource.type, xz.resource.name],
      [IMAGE, 'aws.ecr.container_image', 'kitsune-ec-web:v2.3.1'],
    );
    const stdlib = byType.get('inspector:CVE-2024-28219')!;
    assert.equal(stdlib.severity, 'medium');
    assert.equal(stdlib.resource.uid, RESIZE, 'the function ARN without $LATEST, as the inventory has it');
    assert.equal(byType.get('inspector:CVE-2024-45490')!.severity, 'info', 'UNTRIAGED');
    assert.ok(!findings.some((f) => f.type === 'CVE-2023-4863'), 'closed finding imported');

    const s38 = byType.get('securityhub:security-control/S3.8')!;
    assert.equal(s38.severity, 'high');
    assert.equal(s38.providerSeverity, 'HIGH');
    assert.equal(s38.resource.uid, 'arn:aws:s3:::kitsune-ec-static-assets-prod');
    assert.equal(s38.url, 'https://docs.aws.amazon.com/console/securityhub/S3.8/remediation');
    const root = byType.get('securityhub:security-control/IAM.6')!;
    assert.equal(root.severity, 'critical');
    assert.deepEqual(root.resource, { uid: `arn:aws:iam::${PROD}:root`, type: 'aws.account', name: PROD });
    assert.equal(byType.get('securityhub:SensitiveData:S3Object/Personal')!.severity, 'medium');
  });

  it("leaves out mamori's own findings and those Security Hub relays from GuardDuty", async () => {
    const part = await collect(fake, [TOKYO]);
    const hub = (part.findings ?? []).filter((f) => f.source === 'securityhub');
    assert.ok(!hub.some((f) => f.type === 'aws-kms-key-rotation-enabled'), 'mamori finding read back');
    assert.ok(!hub.some((f) => f.id.includes(':guardduty:')), 'GuardDuty finding read twice');
    assert.ok(!hub.some((f) => f.type === 'security-control/EC2.2'), 'resolved finding imported');
    const call = fake.calls.find((c) => c.service === 'securityhub' && c.operation === 'GetFindings')!;
    const filters = call.input.Filters as Record<string, Array<{ Value: string; Comparison: string }>>;
    assert.deepEqual(filters.RecordState, [{ Value: 'ACTIVE', Comparison: 'EQUALS' }]);
    assert.deepEqual(
      filters.WorkflowStatus?.map((x) => x.Value),
      ['NEW', 'NOTIFIED'],
    );
    assert.ok(filters.ProductName?.some((x) => x.Value === 'mamori' && x.Comparison === 'NOT_EQUALS'));
  });

  it('asks GuardDuty for unarchived findings and fetches them at most 50 at a time', () => {
    const list = fake.calls.find((c) => c.service === 'guardduty' && c.operation === 'ListFindings')!;
    assert.deepEqual(list.input.FindingCriteria, {
      Criterion: { 'service.archived': { Equals: ['false'] }, accountId: { Equals: [PROD] } },
    });
    const gets = fake.calls.filter((c) => c.service === 'guardduty' && c.operation === 'GetFindings');
    assert.ok(gets.length > 0);
    for (const g of gets) assert.ok((g.input.FindingIds as unknown[]).length <= 50);
    // pageSize 2: the lists took several pages.
    assert.ok(fake.calls.filter((c) => c.service === 'inspector2' && c.region === TOKYO).length >= 2);
  });

  it('a denied GuardDuty ListFindings is a collection error, not "no findings"', async () => {
    faults.length = 0;
    faults.push({
      service: 'guardduty',
      operation: 'ListFindings',
      region: TOKYO,
      error: {
        code: 'AccessDeniedException',
        status: 403,
        message: 'not authorized to perform guardduty:ListFindings',
      },
    });
    const part = await collect(fake, [TOKYO]);
    faults.length = 0;
    const error = part.errors.find((e) => e.operation === 'guardduty:ListFindings');
    assert.ok(error, JSON.stringify(part.errors));
    assert.equal(error.code, 'AccessDeniedException');
    assert.equal(error.service, 'findings');
    assert.equal(error.region, TOKYO);
    assert.equal(error.resourceType, undefined);
    assert.equal((part.findings ?? []).filter((f) => f.source === 'guardduty').length, 0);
    // The other sources are still read.
    assert.equal((part.findings ?? []).filter((f) => f.source === 'inspector').length, ACTIVE.inspector);
  });

  it('retries a throttled Inspector ListFindings', async () => {
    faults.length = 0;
    faults.push({
      service: 'inspector2',
      operation: 'ListFindings',
      times: 2,
      error: { code: 'ThrottlingException', status: 429 },
    });
    const part = await collect(fake, [TOKYO]);
    faults.length = 0;
    assert.deepEqual(part.errors, []);
    assert.equal((part.findings ?? []).filter((f) => f.source === 'inspector').length, ACTIVE.inspector);
  });

  it('Security Hub not enabled in a region is no findings and no error', async () => {
    // The development account has no hub anywhere.
    for await (const part of collectAws({
      regions: [TOKYO],
      endpointUrl: fake.url,
      credentials: credentialsFor('456789012345'),
      collectors: [findingsCollector],
      maxAttempts: 3,
    })) {
      assert.deepEqual(part.errors, []);
      assert.equal(part.findings, undefined);
    }
  });

  it(`caps each source at ${FINDINGS_CAP} findings per region, most severe first, with a warning`, async () => {
    const many = Array.from({ length: FINDINGS_CAP + 5 }, (_, i) =>
      hubFinding(
        `arn:aws:securityhub:us-east-1:${PROD}:security-control/EC2.18/finding/${String(i).padStart(12, '0')}`,
        {
          Region: 'us-east-1',
          GeneratorId: 'security-control/EC2.18',
          Severity: i === FINDINGS_CAP + 4 ? { Label: 'CRITICAL', Normalized: 90 } : { Label: 'LOW', Normalized: 1 },
          Resources: [
            {
              Type: 'AwsEc2SecurityGroup',
              Id: `arn:aws:ec2:us-east-1:${PROD}:security-group/sg-${i}`,
              Region: 'us-east-1',
            },
          ],
        },
      ),
    );
    const before = store.securityhub.length;
    store.securityhub.push(...many);
    try {
      const part = await collect(fake, ['us-east-1']);
      const hub = (part.findings ?? []).filter((f) => f.source === 'securityhub');
      assert.equal(hub.length, FINDINGS_CAP);
      assert.ok(
        hub.some((f) => f.severity === 'critical'),
        'the most severe kept',
      );
      assert.equal(part.warnings?.length, 1);
      assert.match(part.warnings![0]!, /Security Hub holds more than 1000 active findings/);
      assert.deepEqual(part.errors, []);
    } finally {
      store.securityhub.length = before;
    }
  });

  it('calls only read-only operations', () => {
    for (const op of new Set(fake.calls.map((c) => c.operation))) assert.match(op, /^(List|Get|Describe)/);
  });
});

describe('mamori scan aws: imported findings beside the rules', () => {
  let fake: FakeAws;
  const out = mkdtempSync(join(tmpdir(), 'mamori-findings-'));
  const saved = join(out, 'snapshot.json');
  const fromSaved = join(out, 'from-saved');
  let code = -1;
  let stderr = '';
  let doc: FindingsDocument;
  const saveEnv = { ...process.env };
  const io = (): Io => ({
    out: () => {},
    err: (t) => {
      stderr += `${t}\n`;
    },
    color: false,
    exitCode: 0,
  });

  before(async () => {
    fake = await startFakeAws({
      handlers: demoOrgHandlers(inv, fill()),
      accounts: demoKeys(inv.accounts),
      defaultAccount: PROD,
    });
    process.env.AWS_ACCESS_KEY_ID = accessKeyFor(PROD);
    process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-for-tests-only';
    process.env.AWS_REGION = 'us-east-1';
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
    code = await main(
      [
        'scan',
        'aws',
        '--regions',
        `${TOKYO},us-east-1`,
        '--endpoint-url',
        fake.url,
        '--save',
        saved,
        '--max-attempts',
        '3',
        '--format',
        'json,csv,table',
        '--out',
        out,
      ],
      io(),
    );
    doc = JSON.parse(readFileSync(join(out, 'mamori.json'), 'utf8')) as FindingsDocument;
  });
  after(async () => {
    process.env = saveEnv;
    await fake.close();
  });

  it('exits 0 and reports the imported findings with their source, severity and resource', () => {
    assert.equal(code, 0, stderr);
    const schema = JSON.parse(readFileSync(packagePath('schema', 'findings.v1.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(doc), ajv.errorsText(validate.errors));
    assert.deepEqual(doc.summary.bySource, ACTIVE);
    const imported = doc.findings.filter((f) => f.source);
    assert.equal(imported.length, 11);
    const bitcoin = imported.find((f) => f.ruleId === 'guardduty:CryptoCurrency:EC2/BitcoinTool.B!DNS') as JsonFinding;
    assert.equal(bitcoin.status, 'FAIL');
    assert.equal(bitcoin.severity, 'high');
    assert.equal(bitcoin.source?.kind, 'guardduty');
    assert.equal(bitcoin.source?.providerSeverity, 8);
    assert.match(bitcoin.title, /Bitcoin-related activity/);
    assert.match(bitcoin.reason?.en ?? '', /cryptocurrency mining pools/);
    // The inventory's resource: its name and tags, as rule findings show it.
    assert.equal(bitcoin.resource.uid, instanceArn(BATCH_1));
    assert.equal(bitcoin.resource.name, 'kitsune-ec-batch-1');
    assert.equal(bitcoin.resource.tags.Role, 'batch');
    const root = imported.find((f) => f.ruleId === 'securityhub:security-control/IAM.6')!;
    assert.equal(root.severity, 'critical');
    assert.equal(root.resource.name, 'kitsune-production');
    // Counted, never scored.
    assert.equal(doc.summary.failBySeverity.critical >= 3, true);
    assert.ok(!doc.summary.topFailingRules.some((r) => r.ruleId.includes(':')));
    const withoutImports = runScan({ ...loadSnapshot(saved), findings: [] }, BUILTIN_RULES);
    assert.equal(doc.summary.score, withoutImports.summary.score);
    assert.deepEqual(doc.summary.byAccount, withoutImports.summary.byAccount);
  });

  it('csv and table name the source', () => {
    const csv = readFileSync(join(out, 'mamori.csv'), 'utf8');
    assert.match(csv, /,GuardDuty\r\n/);
    assert.match(csv, /,Security Hub\r\n/);
    assert.match(csv, /,mamori\r\n/);
    const table = REPORTERS.table!.render(runScan(loadSnapshot(saved), BUILTIN_RULES), 'en');
    assert.match(table, /Imported findings\s+GuardDuty 4\s+Inspector 4\s+Security Hub 3/);
    const ja = REPORTERS.table!.render(runScan(loadSnapshot(saved), BUILTIN_RULES), 'ja');
    assert.match(ja, /取り込んだ検出結果\s+GuardDuty 4/);
  });

  it('saves them in the snapshot, which loads, validates and gives them back', async () => {
    const snapshot = loadSnapshot(saved);
    assert.equal(snapshot.findings?.length, 11);
    const r = await main(['scan', '--from', saved, '--format', 'json', '--out', fromSaved], io());
    assert.equal(r, 0, stderr);
    const again = JSON.parse(readFileSync(join(fromSaved, 'mamori.json'), 'utf8')) as FindingsDocument;
    const key = (f: JsonFinding) => `${f.id} ${f.ruleId} ${f.severity} ${f.resource.uid} ${f.source?.kind}`;
    assert.deepEqual(
      again.findings
        .filter((f) => f.source)
        .map(key)
        .sort(),
      doc.findings
        .filter((f) => f.source)
        .map(key)
        .sort(),
    );
    assert.deepEqual(again.summary.bySource, ACTIVE);
  });

  it('leaves imported findings out of ASFF, and gives them SARIF rules of their own', () => {
    const result = runScan(loadSnapshot(saved), BUILTIN_RULES);
    const asff = JSON.parse(REPORTERS.asff!.render(result, 'en')) as Array<{ GeneratorId: string }>;
    assert.ok(!asff.some((f) => f.GeneratorId.includes(':')));
    const sarif = JSON.parse(REPORTERS.sarif!.render(result, 'en')) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; ruleIndex: number }>;
      }>;
    };
    const run = sarif.runs[0]!;
    const gd = run.results.filter((x) => x.ruleId.startsWith('guardduty:'));
    assert.equal(gd.length, ACTIVE.guardduty);
    for (const x of run.results) assert.equal(run.tool.driver.rules[x.ruleIndex]!.id, x.ruleId);
    const ocsf = JSON.parse(REPORTERS.ocsf!.render(result, 'ja')) as Array<{ unmapped: { source?: { kind: string } } }>;
    assert.equal(ocsf.filter((e) => e.unmapped.source).length, 11);
  });

  it("a snapshot directory keeps each part's findings", () => {
    const dir = join(out, 'parts');
    const findings = loadSnapshot(saved).findings ?? [];
    const writer = new SnapshotWriter(dir, { generatedAt: '2026-11-20T00:00:00.000Z' });
    writer.write({ name: PROD, file: `aws:${PROD}`, resources: [], errors: [], findings });
    writer.write({ name: '456789012345', file: 'aws:456789012345', resources: [], errors: [] });
    writer.close();
    assert.deepEqual(loadSnapshot(dir).findings, findings);
    // A part read twice (the same finding in two files) is reported once.
    const twice = { ...loadSnapshot(dir), findings: [...findings, ...findings] };
    assert.equal(runScan(twice, BUILTIN_RULES).summary.bySource.guardduty, ACTIVE.guardduty);
  });

  it('a snapshot whose findings break the schema is refused with the path', () => {
    const bad = join(out, 'bad.json');
    const item = {
      source: 'guardduty',
      id: 'x',
      title: 't',
      severity: 'urgent',
      providerSeverity: 8,
      status: 'FAIL',
      account: PROD,
      region: TOKYO,
      resource: { uid: `arn:aws:iam::${PROD}:root`, type: 'aws.account', name: PROD },
    };
    writeFileSync(bad, JSON.stringify({ format: 'mamori.snapshot', version: 1, resources: [], findings: [item] }));
    assert.throws(
      () => loadSnapshot(bad),
      (e: unknown) => e instanceof InputError && /\/findings\/0\/severity/.test(e.message),
    );
    const good = join(out, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        format: 'mamori.snapshot',
        version: 1,
        resources: [],
        findings: [{ ...item, severity: 'high' }],
      }),
    );
    const result = runScan(loadSnapshot(good), BUILTIN_RULES);
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]!.ruleId, 'guardduty:x');
    assert.equal(result.summary.score, null);
    assert.deepEqual(result.accounts, [PROD]);
    // A framework's report covers its requirements only.
    const fw = runScan(loadSnapshot(good), BUILTIN_RULES, { framework: loadFramework('cis-aws-6.0.0') });
    assert.ok(!fw.findings.some((f) => f.source));
  });
});
