// Identity, logging and detection mappers: joins, policy parsing, defaults, locations (the rules' IaC fixtures cover
// the verdicts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPath } from '../src/core/path.js';
import { isUnknown, type Resource } from '../src/core/resource.js';
import type { IacFormat } from '../src/core/rule.js';
import { locate, toResources } from '../src/iac/to-resources.js';
import { adaptFixture } from '../src/testing/iac-fixture-runner.js';

async function adapt(format: IacFormat, text: string) {
  const { doc } = await adaptFixture(format, text);
  assert.deepEqual(
    doc.problems.filter((p) => p.level === 'error'),
    [],
  );
  const problems: string[] = [];
  const out = toResources([doc], (_f, _l, m) => problems.push(m));
  assert.deepEqual(problems, []);
  return out;
}
const one = (resources: Resource[], type: string): Resource => {
  const found = resources.filter((r) => r.type === type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0] as Resource;
};
const prop = (r: Resource, path: string): unknown => getPath(r.props, path);

describe('identity mappers', () => {
  it('CloudFormation role: trust policy with pseudo parameters, joined inline and managed policies', async () => {
    const { resources, unmapped, blocksOf } = await adapt(
      'cloudformation',
      `Parameters:
  ExternalId:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: vendor-audit
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                sts:ExternalId: !Ref ExternalId
      ManagedPolicyArns:
        - !Ref ReadLogs
  ReadLogs:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: read-logs
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: logs:GetLogEvents
            Resource: '*'
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [vendor-audit]
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}'
`,
    );
    assert.deepEqual([...unmapped], []);
    const role = one(resources, 'aws.iam.role');
    assert.equal(prop(role, 'RoleName'), 'vendor-audit');
    // A pseudo parameter is never "*": the trust policy stays readable.
    assert.equal(typeof prop(role, 'AssumeRolePolicyDocument.Statement.0.Principal.AWS'), 'string');
    assert.equal(prop(role, 'AttachedManagedPolicies.0.PolicyName'), 'read-logs');
    assert.equal(prop(role, 'RolePolicyList.0.PolicyName'), 'extra');
    assert.equal(prop(role, 'RolePolicyList.0.PolicyDocument.Statement.0.Action'), 's3:ListBucket');
    assert.equal(blocksOf.get(role.uid)?.length, 2);
    const policy = one(resources, 'aws.iam.policy');
    assert.equal(prop(policy, 'AttachmentCount'), 1);
    assert.deepEqual(prop(policy, 'PolicyRoles'), [{ RoleName: 'vendor-audit' }]);
  });

  it('a parameter where a policy names actions or resources makes the whole document Unknown', async () => {
    const { resources } = await adapt(
      'cloudformation',
      `Parameters:
  Target:
    Type: String
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Ref Target
`,
    );
    assert.ok(isUnknown(prop(one(resources, 'aws.iam.policy'), 'DefaultVersionDocument')));
  });

  it('Terraform user: attachments, inline policy, keys, login profile and groups joined; MFA left unknown', async () => {
    const { resources, unmapped } = await adapt(
      'terraform',
      `resource "aws_iam_group" "dev" {
  name = "developers"
}
resource "aws_iam_user" "u" {
  name = "dana"
}
resource "aws_iam_user_login_profile" "u" {
  user = aws_iam_user.u.name
}
resource "aws_iam_access_key" "u" {
  user = aws_iam_user.u.name
}
resource "aws_iam_user_group_membership" "u" {
  user   = aws_iam_user.u.name
  groups = [aws_iam_group.dev.name]
}
resource "aws_iam_user_policy_attachment" "u" {
  user       = "dana"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_user_policy" "u" {
  name   = "inline"
  user   = aws_iam_user.u.id
  policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}]}"
}
`,
    );
    assert.deepEqual([...unmapped], []);
    const user = one(resources, 'aws.iam.user');
    assert.deepEqual(prop(user, 'GroupList'), ['developers']);
    assert.equal(prop(user, 'LoginProfile.UserName'), 'dana');
    assert.equal(prop(user, 'AccessKeyMetadata.0.Status'), 'Active');
    assert.equal(prop(user, 'AttachedManagedPolicies.0.PolicyName'), 'ReadOnlyAccess');
    assert.equal(prop(user, 'UserPolicyList.0.PolicyDocument.Statement.0.Action'), 's3:*');
    assert.ok(isUnknown(prop(user, 'MFADevices')));
    assert.deepEqual(prop(one(resources, 'aws.iam.group'), 'UserNames'), ['dana']);
    // The finding for the key points at the aws_iam_access_key block.
    assert.equal(locate(user, 'AccessKeyMetadata.0')?.line, 10);
  });

  it('CloudTrail: defaults, the bucket reference as the bucket mapper names it, selectors', async () => {
    const { resources } = await adapt(
      'terraform',
      `resource "aws_s3_bucket" "logs" {}
resource "aws_cloudtrail" "t" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.logs.id
  advanced_event_selector {
    name = "mgmt"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }
}
`,
    );
    const trail = one(resources, 'aws.cloudtrail.trail');
    const bucket = one(resources, 'aws.s3.bucket');
    assert.equal(prop(trail, 'S3BucketName'), prop(bucket, 'Name'));
    assert.equal(prop(trail, 'Status.IsLogging'), true);
    assert.equal(prop(trail, 'IsMultiRegionTrail'), false);
    assert.equal(prop(trail, 'LogFileValidationEnabled'), false);
    assert.deepEqual(prop(trail, 'AdvancedEventSelectors.0.FieldSelectors.0'), {
      Field: 'eventCategory',
      Equals: ['Management'],
    });
    assert.equal(prop(trail, 'EventSelectors'), undefined);
  });

  it('GuardDuty: declared features, legacy data sources, and Unknown for plans the template leaves out', async () => {
    const { resources } = await adapt(
      'cloudformation',
      `Resources:
  D:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      DataSources:
        S3Logs:
          Enable: false
      Features:
        - Name: RUNTIME_MONITORING
          Status: ENABLED
          AdditionalConfiguration:
            - Name: EKS_ADDON_MANAGEMENT
              Status: ENABLED
`,
    );
    const d = one(resources, 'aws.guardduty.detector');
    const features = prop(d, 'Features') as Array<{ Name: string; Status: unknown }>;
    const status = (n: string) => features.find((f) => f.Name === n)?.Status;
    assert.equal(prop(d, 'Status'), 'ENABLED');
    assert.equal(status('S3_DATA_EVENTS'), 'DISABLED');
    assert.equal(status('RUNTIME_MONITORING'), 'ENABLED');
    assert.equal(status('CLOUD_TRAIL'), 'ENABLED');
    assert.ok(isUnknown(status('RDS_LOGIN_EVENTS')));
  });

  it('AWS Config: Terraform recorder stopped without a status resource; CloudFormation started by a channel', async () => {
    const tf = await adapt(
      'terraform',
      `resource "aws_config_configuration_recorder" "r" {
  role_arn = "arn:aws:iam::111122223333:role/config"
}
`,
    );
    const r = one(tf.resources, 'aws.config.recorder');
    assert.equal(prop(r, 'name'), 'default');
    assert.equal(prop(r, 'Status.recording'), false);
    assert.equal(prop(r, 'recordingGroup.allSupported'), true);
    const cfn = await adapt(
      'cloudformation',
      `Resources:
  R:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
`,
    );
    assert.ok(isUnknown(prop(one(cfn.resources, 'aws.config.recorder'), 'Status.recording')));
  });
});
