import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { repository } from './repository-fixtures.js';

export default defineAwsRule({
  id: 'aws-ecr-repository-tag-immutability',
  resourceType: 'aws.ecr.repository',
  category: 'visibility-audit',
  severity: 'medium',
  fsbp: ['ECR.2'],
  needs: ['imageTagMutability'],
  text: {
    title: {
      en: 'ECR repositories have tag immutability enabled',
      ja: 'ECR リポジトリでタグのイミュータビリティが有効になっている',
    },
    description: {
      en: 'Checks that the repository’s imageTagMutability is IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION, where only the excluded tags may move).',
      ja: 'リポジトリの imageTagMutability が IMMUTABLE（または除外したタグだけを上書きできる IMMUTABLE_WITH_EXCLUSION）になっていることを確認する。',
    },
    rationale: {
      en: 'With mutable tags, anyone who may push can replace the image behind a tag such as v1.4.2, so what runs in production is no longer what was built, scanned and approved under that tag.',
      ja: 'タグが上書き可能だと、プッシュ権限を持つ者が v1.4.2 のようなタグの中身を差し替えられるため、本番で動くイメージが、そのタグでビルド・スキャン・承認されたものと一致しなくなる。',
    },
    remediation: {
      text: {
        en: 'Set the repository’s tag mutability to Immutable; deploy by immutable version tags or digests.',
        ja: 'リポジトリのタグのイミュータビリティを「イミュータブル」に設定し、不変のバージョンタグまたはダイジェストでデプロイする。',
      },
      console: {
        en: 'ECR console → Private registry → Repositories → select the repository → Actions → Edit → Tag immutability: Immutable → Save.',
        ja: 'ECR コンソール → プライベートレジストリ → リポジトリ → 対象のリポジトリを選択 → アクション → 編集 → タグのイミュータビリティ: イミュータブル → 保存。',
      },
      cli: 'aws ecr put-image-tag-mutability --repository-name <REPOSITORY> --image-tag-mutability IMMUTABLE',
      cloudformation: 'ImageTagMutability: IMMUTABLE',
      terraform: 'image_tag_mutability = "IMMUTABLE"',
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
    },
  },
  evaluate: ({ props, resource }) =>
    props.imageTagMutability === 'IMMUTABLE' || props.imageTagMutability === 'IMMUTABLE_WITH_EXCLUSION'
      ? pass()
      : fail('imageTagMutability', {
          en: `Image tags in repository ${resource.name} can be overwritten (${props.imageTagMutability})`,
          ja: `リポジトリ ${resource.name} のイメージタグが上書き可能になっている（${props.imageTagMutability}）`,
        }),
  fixtures: {
    live: {
      pass: [
        { props: repository() },
        {
          props: repository({
            imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
            imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
          }),
        },
      ],
      fail: [
        { props: repository({ imageTagMutability: 'MUTABLE' }) },
        {
          props: repository({
            imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
            imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }],
          }),
        },
      ],
      error: [
        { props: repository({ imageTagMutability: undefined }) },
        {
          props: repository({ imageTagMutability: undefined }),
          gaps: { imageTagMutability: 'AccessDeniedException: ecr:DescribeRepositories' },
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
      ImageTagMutability: IMMUTABLE
`,
      ],
      fail: [
        // MUTABLE is the default.
        `Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app/web
`,
      ],
      error: [
        `Parameters:
  TagMutability:
    Type: String
Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: !Ref TagMutability
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_ecr_repository" "web" {
  name                 = "app/web"
  image_tag_mutability = "IMMUTABLE"
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
        `variable "tag_mutability" {
  type = string
}

resource "aws_ecr_repository" "web" {
  name                 = "app/web"
  image_tag_mutability = var.tag_mutability
}
`,
      ],
    },
  },
});
