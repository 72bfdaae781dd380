import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-iac-suppression-has-reason',
  resourceType: 'aws.iac.template',
  category: 'visibility-audit',
  severity: 'medium',
  needs: ['Suppressions'],
  text: {
    title: {
      en: 'Inline suppressions in templates give a reason',
      ja: 'テンプレート内の抑制に理由が書かれている',
    },
    description: {
      en: 'Checks every inline suppression (CloudFormation `Metadata: {mamori: {skip: [{id, reason}]}}`, Terraform `# mamori:skip <rule-id> <reason>`) for a written reason. A suppression without one does not apply: the finding it meant to silence stays as it is.',
      ja: 'テンプレート内のすべての抑制（CloudFormation の `Metadata: {mamori: {skip: [{id, reason}]}}`、Terraform の `# mamori:skip <ルール ID> <理由>`）に理由が書かれているかを確認する。理由のない抑制は適用されず、抑制しようとした検出結果はそのまま残る。',
    },
    rationale: {
      en: 'A suppression is an exception to the rule set. Without a reason, reviewers cannot tell an accepted risk from a silenced alarm, and nobody can decide later whether it still holds.',
      ja: '抑制はルールに対する例外である。理由がなければ、レビュー担当者は受容したリスクと握りつぶされた警告を区別できず、後からその例外がまだ妥当かを判断することもできない。',
    },
    remediation: {
      text: {
        en: 'Write why the rule does not apply or which alternative control covers it next to the suppression, or remove the suppression and fix the finding.',
        ja: '抑制の横に、ルールが当てはまらない理由または代わりとなる対策（代替策）を書く。あるいは抑制を削除して検出結果を修正する。',
      },
      console: {
        en: 'In the repository, open the file and line named in the finding and add the reason after the rule id (Terraform) or as `reason:` (CloudFormation); then have the change reviewed like any other.',
        ja: 'リポジトリで検出結果に示されたファイルと行を開き、ルール ID の後（Terraform）または `reason:`（CloudFormation）に理由を書く。その変更も通常どおりレビューを受ける。',
      },
      cli: 'bin/mamori iac <PATH> --format json | jq \'.findings[] | select(.ruleId == "aws-iac-suppression-has-reason")\'',
      cloudformation:
        'Metadata:\n  mamori:\n    skip:\n      - id: aws-s3-bucket-versioning-enabled\n        reason: Scratch bucket, objects are re-created by the nightly build',
      terraform:
        '# mamori:skip aws-s3-bucket-versioning-enabled Scratch bucket, objects are re-created by the nightly build',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-metadata.html',
    },
  },
  evaluate: ({ props }) => {
    const missing = props.Suppressions.map((s, i) => [s, i] as const).filter(([s]) => !s.reason?.trim());
    if (missing.length === 0) return pass();
    const [first, index] = missing[0]!;
    const lines = missing.map(([s]) => `${s.ruleId} (${s.line})`).join(', ');
    return fail(`Suppressions.${index}`, {
      en: `${missing.length} suppression(s) without a reason, so they do not apply: ${lines}; first at line ${first.line}`,
      ja: `理由のない抑制が ${missing.length} 件あり、適用されていない: ${lines}（最初は ${first.line} 行目）`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { format: 'terraform', Secrets: [], Suppressions: [] } },
        {
          props: {
            format: 'terraform',
            Secrets: [],
            Suppressions: [{ ruleId: 'aws-s3-bucket-versioning-enabled', reason: 'scratch data', line: 2 }],
          },
        },
      ],
      fail: [
        {
          props: {
            format: 'cloudformation',
            Secrets: [],
            Suppressions: [{ ruleId: 'aws-s3-bucket-versioning-enabled', line: 7 }],
          },
        },
      ],
      error: [{ props: { format: 'terraform', Secrets: [] } }],
    },
    cloudformation: {
      pass: [
        `Resources:
  Scratch:
    Type: AWS::S3::Bucket
    Metadata:
      mamori:
        skip:
          - id: aws-s3-bucket-versioning-enabled
            reason: Scratch data, re-created by the nightly build
`,
      ],
      fail: [
        `Resources:
  Scratch:
    Type: AWS::S3::Bucket
    Metadata:
      mamori:
        skip:
          - id: aws-s3-bucket-versioning-enabled
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "scratch" {
  # mamori:skip aws-s3-bucket-versioning-enabled Scratch data, re-created by the nightly build
  bucket = "kitsune-scratch"
}
`,
      ],
      fail: [
        `# mamori:skip aws-s3-bucket-versioning-enabled
resource "aws_s3_bucket" "scratch" {
  bucket = "kitsune-scratch"
}
`,
      ],
    },
  },
});
