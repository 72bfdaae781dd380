import { defineAwsRule } from '../../define.js';
import { publicPolicyVerdict } from '../sqs/public-policy.js';
import { repository } from './repository-fixtures.js';

const policy = (Statement: unknown) => ({ Version: '2012-10-17', Statement });
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];

export default defineAwsRule({
  id: 'aws-ecr-repository-policy-no-public-principal',
  resourceType: 'aws.ecr.repository',
  category: 'identity',
  severity: 'high',
  needs: ['Policy'],
  text: {
    title: {
      en: 'ECR repository policies do not allow unrestricted access with Principal "*"',
      ja: 'ECR リポジトリポリシーで Principal "*" による無制限のアクセスが許可されていない',
    },
    description: {
      en: 'Checks that no Allow statement of the repository policy names Principal "*" (or AWS "*") without a condition that pins the caller to known accounts, organizations or source ARNs (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, …).',
      ja: 'リポジトリポリシーの Allow ステートメントが、呼び出し元を特定のアカウント・組織・送信元 ARN に限定する条件（aws:PrincipalOrgID、aws:SourceAccount、aws:SourceArn など）なしに Principal "*"（または AWS "*"）を指定していないことを確認する。',
    },
    rationale: {
      en: 'Images often contain application code, internal endpoints and sometimes credentials. An open pull grant lets any AWS account download them; an open push grant lets anyone replace the images your services run.',
      ja: 'イメージにはアプリケーションのコードや内部のエンドポイント、ときには認証情報まで含まれる。制限のない pull 許可は任意の AWS アカウントにダウンロードを許し、push 許可があれば誰でもサービスが実行するイメージを差し替えられる。',
    },
    remediation: {
      text: {
        en: 'Name the accounts or roles that need the repository instead of "*", or add aws:PrincipalOrgID to share it within the organization only. Publish public images through ECR Public instead.',
        ja: '"*" の代わりにリポジトリを必要とするアカウントやロールを指定するか、aws:PrincipalOrgID の条件で組織内だけに共有する。公開したいイメージは ECR Public で公開する。',
      },
      console: {
        en: 'ECR console → Private registry → Repositories → select the repository → Permissions → Edit policy JSON → change the statement with "Principal": "*" → Save.',
        ja: 'ECR コンソール → プライベートレジストリ → リポジトリ → 対象のリポジトリを選択 → アクセス許可 → ポリシー JSON を編集 → "Principal": "*" のステートメントを修正 → 保存。',
      },
      cli: 'aws ecr get-repository-policy --repository-name <REPOSITORY>\naws ecr set-repository-policy --repository-name <REPOSITORY> --policy-text file://repository-policy.json',
      cloudformation:
        'RepositoryPolicyText: no Allow with Principal "*" unless a Condition (e.g. aws:PrincipalOrgID) restricts it',
      terraform:
        'resource "aws_ecr_repository_policy" → policy: no Allow with Principal "*" unless a condition (e.g. aws:PrincipalOrgID) restricts it',
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
    },
  },
  evaluate: ({ props, resource }) =>
    publicPolicyVerdict(props.Policy, { en: `Repository ${resource.name}`, ja: `リポジトリ ${resource.name} ` }),
  fixtures: {
    live: {
      pass: [
        { props: repository() },
        {
          props: repository({
            Policy: policy([
              {
                Sid: 'OrgPull',
                Effect: 'Allow',
                Principal: '*',
                Action: PULL,
                Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
              },
              {
                Sid: 'LambdaPull',
                Effect: 'Allow',
                Principal: { Service: 'lambda.amazonaws.com' },
                Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
                Condition: { StringLike: { 'aws:sourceArn': 'arn:aws:lambda:us-east-1:111122223333:function:*' } },
              },
            ]),
          }),
        },
      ],
      fail: [
        {
          props: repository({ Policy: policy([{ Sid: 'PublicPull', Effect: 'Allow', Principal: '*', Action: PULL }]) }),
        },
        {
          props: repository({
            Policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['ecr:PutImage', 'ecr:*'] }),
          }),
        },
      ],
      error: [
        { props: repository({ Policy: undefined }) },
        {
          props: repository({ Policy: undefined }),
          gaps: { Policy: 'AccessDeniedException: ecr:GetRepositoryPolicy' },
        },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app/web
`,
        `Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app/web
      RepositoryPolicyText:
        Version: '2012-10-17'
        Statement:
          - Sid: DeployAccountPull
            Effect: Allow
            Principal:
              AWS: arn:aws:iam::444455556666:root
            Action:
              - ecr:BatchGetImage
              - ecr:GetDownloadUrlForLayer
`,
      ],
      fail: [
        `Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app/web
      RepositoryPolicyText:
        Version: '2012-10-17'
        Statement:
          - Sid: PublicPull
            Effect: Allow
            Principal: '*'
            Action:
              - ecr:BatchGetImage
              - ecr:GetDownloadUrlForLayer
`,
      ],
      error: [
        `Parameters:
  PullerArn:
    Type: String
Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref PullerArn
            Action: ecr:BatchGetImage
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_ecr_repository" "web" {
  name = "app/web"
}
`,
      ],
      fail: [
        `resource "aws_ecr_repository" "web" {
  name = "app/web"
}

resource "aws_ecr_repository_policy" "web" {
  repository = aws_ecr_repository.web.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicPull"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}
`,
      ],
      error: [
        `variable "repository_policy" {
  type = string
}

resource "aws_ecr_repository" "web" {
  name = "app/web"
}

resource "aws_ecr_repository_policy" "web" {
  repository = aws_ecr_repository.web.name
  policy     = var.repository_policy
}
`,
      ],
    },
  },
});
