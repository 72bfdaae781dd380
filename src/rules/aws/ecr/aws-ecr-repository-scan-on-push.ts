import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { repository } from './repository-fixtures.js';

export default defineAwsRule({
  id: 'aws-ecr-repository-scan-on-push',
  resourceType: 'aws.ecr.repository',
  category: 'visibility-audit',
  severity: 'medium',
  fsbp: ['ECR.1'],
  needs: ['imageScanningConfiguration.scanOnPush'],
  text: {
    title: {
      en: 'ECR repositories scan images on push',
      ja: 'ECR リポジトリでプッシュ時のイメージスキャンが有効になっている',
    },
    description: {
      en: 'Checks that the repository’s own image scanning configuration has scanOnPush enabled. Registry-level scanning rules (enhanced scanning with Amazon Inspector) are not consulted: a repository they cover may still be reported here.',
      ja: 'リポジトリ自身のイメージスキャン設定で scanOnPush が有効になっていることを確認する。レジストリレベルのスキャンルール（Amazon Inspector による拡張スキャン）は参照しないため、それで対象になっているリポジトリもここでは違反として報告されることがある。',
    },
    rationale: {
      en: 'Scanning each image as it is pushed reports known vulnerabilities in its operating system packages before the image is deployed, instead of after an incident.',
      ja: 'プッシュのたびにイメージをスキャンすると、OS パッケージの既知の脆弱性を、インシデントが起きてからではなくデプロイ前に把握できる。',
    },
    remediation: {
      text: {
        en: 'Enable scan on push for the repository, or configure registry-level scanning (preferably enhanced scanning) that covers it.',
        ja: 'リポジトリでプッシュ時のスキャンを有効にするか、そのリポジトリを対象とするレジストリレベルのスキャン（できれば拡張スキャン）を設定する。',
      },
      console: {
        en: 'ECR console → Private registry → Repositories → select the repository → Actions → Edit → Image scan settings: Scan on push → Save. For registry-wide scanning: Private registry → Settings → Scanning → Edit.',
        ja: 'ECR コンソール → プライベートレジストリ → リポジトリ → 対象のリポジトリを選択 → アクション → 編集 → イメージスキャンの設定: プッシュ時にスキャン → 保存。レジストリ全体の場合は プライベートレジストリ → 設定 → スキャン → 編集。',
      },
      cli: 'aws ecr put-image-scanning-configuration --repository-name <REPOSITORY> --image-scanning-configuration scanOnPush=true',
      cloudformation: 'ImageScanningConfiguration:\n  ScanOnPush: true',
      terraform: 'image_scanning_configuration {\n  scan_on_push = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
    },
  },
  evaluate: ({ props, resource }) =>
    props.imageScanningConfiguration?.scanOnPush === true
      ? pass()
      : fail('imageScanningConfiguration.scanOnPush', {
          en: `Repository ${resource.name} does not scan images on push`,
          ja: `リポジトリ ${resource.name} でプッシュ時のイメージスキャンが無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: repository() }],
      fail: [{ props: repository({ imageScanningConfiguration: { scanOnPush: false } }) }],
      error: [
        { props: repository({ imageScanningConfiguration: undefined }) },
        {
          props: repository({ imageScanningConfiguration: undefined }),
          gaps: { imageScanningConfiguration: 'AccessDeniedException: ecr:DescribeRepositories' },
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
      ImageScanningConfiguration:
        ScanOnPush: true
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
  ScanOnPush:
    Type: String
Resources:
  Web:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration:
        ScanOnPush: !Ref ScanOnPush
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_ecr_repository" "web" {
  name = "app/web"

  image_scanning_configuration {
    scan_on_push = true
  }
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
        `variable "scan_on_push" {
  type = bool
}

resource "aws_ecr_repository" "web" {
  name = "app/web"

  image_scanning_configuration {
    scan_on_push = var.scan_on_push
  }
}
`,
      ],
    },
  },
});
