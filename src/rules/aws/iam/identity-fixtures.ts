// Shared fixture shapes for the IAM role, user and policy rules.

export const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

export const roleProps = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  Path: '/',
  RoleName: 'app-deploy',
  RoleId: 'AROASAMPLEROLE0000001',
  Arn: 'arn:aws:iam::111122223333:role/app-deploy',
  CreateDate: '2025-05-01T00:00:00+00:00',
  MaxSessionDuration: 3600,
  AssumeRolePolicyDocument: doc({
    Effect: 'Allow',
    Principal: { Service: 'codebuild.amazonaws.com' },
    Action: 'sts:AssumeRole',
  }),
  AttachedManagedPolicies: [],
  RolePolicyList: [],
  Tags: [],
  ...over,
});

export const customerPolicyProps = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  PolicyName: 'app-deploy',
  PolicyId: 'ANPASAMPLEPOLICY00001',
  Arn: 'arn:aws:iam::111122223333:policy/app-deploy',
  Path: '/',
  DefaultVersionId: 'v3',
  AttachmentCount: 1,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  CreateDate: '2024-04-01T00:00:00+00:00',
  UpdateDate: '2026-02-10T00:00:00+00:00',
  PolicyGroups: [],
  PolicyUsers: [],
  PolicyRoles: [{ RoleName: 'app-deploy', RoleId: 'AROASAMPLEROLE0000001' }],
  ...over,
});

/** A CloudFormation role trusted by CodeBuild, with extra properties (YAML at 6 spaces). */
export const cfnRole = (props: string, extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-deploy
${props}`;

export const CFN_CODEBUILD_TRUST = `      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: codebuild.amazonaws.com
            Action: sts:AssumeRole
`;

export const TF_CODEBUILD_TRUST = `  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codebuild.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
`;

/** A Terraform role with extra attributes (2 spaces) and extra resources after it. */
export const tfRole = (attrs: string, extra = ''): string => `resource "aws_iam_role" "deploy" {
  name = "app-deploy"
${attrs}}
${extra}`;
