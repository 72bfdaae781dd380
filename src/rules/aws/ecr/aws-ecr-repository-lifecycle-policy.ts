import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { LIFECYCLE_TEXT, repository } from './repository-fixtures.js';

export default defineAwsRule({
  id: 'aws-ecr-repository-lifecycle-policy',
  resourceType: 'aws.ecr.repository',
  category: 'cost',
  severity: 'low',
  fsbp: ['ECR.3'],
  needs: ['LifecyclePolicy'],
  text: {
    title: {
      en: 'ECR repositories have a lifecycle policy',
      ja: 'ECR リポジトリにライフサイクルポリシーが設定されている',
    },
    description: {
      en: 'Checks that the repository has a lifecycle policy with at least one rule.',
      ja: 'リポジトリに、1 つ以上のルールを持つライフサイクルポリシーが設定されていることを確認する。',
    },
    rationale: {
      en: 'Without a lifecycle policy, every pushed image is kept forever: storage costs grow with each build, and old images with known vulnerabilities stay available to be pulled and run.',
      ja: 'ライフサイクルポリシーがないと、プッシュしたイメージはすべて無期限に残る。ビルドのたびにストレージ料金が増え、既知の脆弱性を抱えた古いイメージも取得・実行できる状態のまま残る。',
    },
    remediation: {
      text: {
        en: 'Add a lifecycle policy that expires untagged images after a few days and keeps only the most recent tagged images.',
        ja: 'タグのないイメージを数日で期限切れにし、タグ付きイメージは直近のものだけを残すライフサイクルポリシーを追加する。',
      },
      console: {
        en: 'ECR console → Private registry → Repositories → select the repository → Lifecycle Policy → Create rule → set the rule priority, image status and match criteria → Save.',
        ja: 'ECR コンソール → プライベートレジストリ → リポジトリ → 対象のリポジトリを選択 → ライフサイクルポリシー → ルールを作成 → ルールの優先順位・イメージのステータス・一致条件を設定 → 保存。',
      },
      cli: 'aws ecr put-lifecycle-policy --repository-name <REPOSITORY> --lifecycle-policy-text file://lifecycle-policy.json',
      cloudformation:
        'LifecyclePolicy:\n  LifecyclePolicyText: \'{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}\'',
      terraform:
        'resource "aws_ecr_lifecycle_policy" "r" {\n  repository = aws_ecr_repository.r.name\n  policy     = jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 14 }, action = { type = "expire" } }] })\n}',
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const policy = props.LifecyclePolicy;
    if (policy !== null && isUnknown(policy.rules as unknown)) return error('unresolved lifecycle policy rules');
    if (policy !== null && Array.isArray(policy.rules) && policy.rules.length > 0) return pass();
    return fail('LifecyclePolicy', {
      en: `Repository ${resource.name} has no lifecycle policy rule, so images are never expired`,
      ja: `リポジトリ ${resource.name} にライフサイクルポリシーのルールがなく、イメージが期限切れにならない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: repository() }],
      fail: [
        { props: repository({ LifecyclePolicy: null }) },
        { props: repository({ LifecyclePolicy: { rules: [] } }) },
      ],
      error: [
        { props: repository({ LifecyclePolicy: undefined }) },
        {
          props: repository({ LifecyclePolicy: undefined }),
          gaps: { LifecyclePolicy: 'AccessDeniedException: ecr:GetLifecyclePolicy' },
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
      LifecyclePolicy:
        LifecyclePolicyText: '${LIFECYCLE_TEXT}'
`,
      ],
      fail: [
        `Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app/web
`,
      ],
      error: [
        `Parameters:
  LifecycleText:
    Type: String
Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      LifecyclePolicy:
        LifecyclePolicyText: !Ref LifecycleText
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_ecr_repository" "web" {
  name = "app/web"
}

resource "aws_ecr_lifecycle_policy" "web" {
  repository = aws_ecr_repository.web.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Expire untagged images"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = 14
      }
      action = { type = "expire" }
    }]
  })
}
`,
      ],
      fail: [
        `resource "aws_ecr_repository" "web" {
  name = "app/web"
}
`,
      ],
      error: [
        `variable "lifecycle_policy" {
  type = string
}

resource "aws_ecr_repository" "web" {
  name = "app/web"
}

resource "aws_ecr_lifecycle_policy" "web" {
  repository = aws_ecr_repository.web.name
  policy     = var.lifecycle_policy
}
`,
      ],
    },
  },
});
